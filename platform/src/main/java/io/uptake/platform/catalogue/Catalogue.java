package io.uptake.platform.catalogue;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.PageView;
import io.uptake.platform.work.WarmUp;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One catalogue (CRM actions, feedback areas): a page in code order, one entry, and an upsert, each a statement of
 * its own on the SQL client (no Hibernate session, so a service needs no ORM for its catalogue). A service declares
 * its catalogue as a bean extending this, naming its table.
 */
public class Catalogue implements WarmUp {

    /** The result of an upsert: the entry as stored, and whether it is new. */
    public record Saved(CatalogueView entry, boolean created) {}

    private final CatalogueStore entries;

    protected Catalogue(Pool pool, String table) {
        this.entries = new CatalogueStore(pool, table);
    }

    public Uni<PageView<CatalogueView>> list(int page, int size) {
        return entries.page(page, size);
    }

    /** The first page's query, once at start (see {@link WarmUp}). */
    @Override
    public Uni<?> warmUp() {
        return list(0, 1);
    }

    /** The entry, or null when the catalogue has no such code. */
    public Uni<CatalogueView> find(String code) {
        return entries.find(code);
    }

    /** Adds an entry, or renames and redescribes the one with this code. */
    public Uni<Saved> define(String code, CatalogueDefinition definition) {
        return entries.upsert(
                code, definition.name().strip(), definition.description(), OffsetDateTime.now(ZoneOffset.UTC));
    }
}
