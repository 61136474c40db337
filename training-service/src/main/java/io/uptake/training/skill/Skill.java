package io.uptake.training.skill;

import io.uptake.platform.catalogue.CatalogueEntry;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A CRM skill that tests score and training modules cover, such as {@code pipeline}. */
@Entity
@Table(name = "skill")
public class Skill extends CatalogueEntry {}
