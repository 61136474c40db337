package io.uptake.feedback.area;

import io.uptake.platform.catalogue.CatalogueEntry;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An area of the CRM that feedback items are tagged with, such as {@code reports}. */
@Entity
@Table(name = "area")
public class Area extends CatalogueEntry {}
