package io.uptake.feedback.area;

import io.uptake.platform.catalogue.CatalogueEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An area of the CRM that feedback items are tagged with, such as {@code reports}; a deactivated one takes no new items. */
@Entity
@Table(name = "area")
public class Area extends CatalogueEntry {

    @Column(nullable = false)
    public boolean active = true;
}
