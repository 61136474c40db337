package io.uptake.platform.catalogue;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;

/**
 * An entry of a small catalogue an admin maintains (CRM actions, feedback areas, skills): a stable
 * dotted code, a name and a description. Read and written a row at a time, so Panache serves it.
 */
@MappedSuperclass
public abstract class CatalogueEntry extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
