package io.uptake.platform.catalogue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.PageView;
import io.uptake.platform.work.WarmUp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * One catalogue (CRM actions, feedback areas): a page in code order, one entry, and an upsert, each in
 * a session or transaction of its own. A service declares its catalogue as a bean extending this.
 */
public class Catalogue<E extends CatalogueEntry> implements WarmUp {

    /** The result of an upsert: the entry as stored, and whether it is new. */
    public record Saved(CatalogueView entry, boolean created) {}

    private final PanacheRepositoryBase<E, String> entries;
    private final Supplier<E> newEntry;

    protected Catalogue(PanacheRepositoryBase<E, String> entries, Supplier<E> newEntry) {
        this.entries = entries;
        this.newEntry = newEntry;
    }

    public Uni<PageView<CatalogueView>> list(int page, int size) {
        return Panache.withSession(() -> entries.findAll(Sort.by("code"))
                .page(Page.of(page, size))
                .list()
                .map(found -> found.stream().map(CatalogueView::of).toList())
                .flatMap(items -> entries.count().map(total -> new PageView<>(items, page, size, total))));
    }

    /** The first page's query, once at start (see {@link WarmUp}). */
    @Override
    public Uni<?> warmUp() {
        return list(0, 1);
    }

    /** The entry, or null when the catalogue has no such code. */
    public Uni<CatalogueView> find(String code) {
        return Panache.withSession(
                () -> entries.findById(code).map(found -> found == null ? null : CatalogueView.of(found)));
    }

    /** Adds an entry, or renames and redescribes the one with this code. */
    public Uni<Saved> define(String code, CatalogueDefinition definition) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return Panache.withTransaction(() -> entries.findById(code).flatMap(existing -> {
            boolean created = existing == null;
            E entry = created ? newEntry.get() : existing;
            if (created) {
                entry.code = code;
                entry.createdAt = now;
            }
            entry.name = definition.name().strip();
            entry.description = definition.description();
            entry.updatedAt = now;
            return entries.persist(entry).map(saved -> new Saved(CatalogueView.of(saved), created));
        }));
    }
}
