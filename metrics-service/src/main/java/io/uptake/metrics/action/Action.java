package io.uptake.metrics.action;

import io.uptake.platform.catalogue.CatalogueEntry;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One kind of CRM action that usage events name, such as {@code record.created}. */
@Entity
@Table(name = "action")
public class Action extends CatalogueEntry {}
