package io.uptake.platform.catalogue;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.PagingLimit;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one catalogue table (code, name, description, created_at, updated_at) through the SQL client: a page in
 * code order, one entry, and an upsert in one statement. The table is named by the service, never by a caller.
 */
public class CatalogueStore {

    private final Pool pool;
    private final String page;
    private final String count;
    private final String find;
    private final String upsert;

    public CatalogueStore(Pool pool, String table) {
        this.pool = pool;
        this.page = "select code, name, description from %s order by code limit $1 offset $2".formatted(table);
        this.count = "select count(*) as total from %s".formatted(table);
        this.find = "select code, name, description from %s where code = $1".formatted(table);
        // xmax is 0 on a row this statement inserted, and the updating transaction's id on one it updated
        this.upsert = """
                insert into %s as entry (code, name, description, created_at, updated_at) values ($1, $2, $3, $4, $4)
                on conflict (code) do update
                   set name = excluded.name, description = excluded.description, updated_at = excluded.updated_at
                returning code, name, description, (xmax = 0) as created""".formatted(table);
    }

    /** A page in code order, with the number of entries in all. */
    public Uni<PageView<CatalogueView>> page(int page, int size) {
        Uni<List<CatalogueView>> items = pool.preparedQuery(this.page)
                .execute(Tuple.of((long) size, PagingLimit.offset(page, size)))
                .map(rows -> {
                    List<CatalogueView> found = new ArrayList<>(rows.size());
                    rows.forEach(row -> found.add(view(row)));
                    return found;
                });
        Uni<Long> total =
                pool.query(count).execute().map(rows -> rows.iterator().next().getLong("total"));
        return Uni.combine().all().unis(items, total).with((found, all) -> new PageView<>(found, page, size, all));
    }

    /** The entry, or null when there is none with this code. */
    public Uni<CatalogueView> find(String code) {
        return pool.preparedQuery(find)
                .execute(Tuple.of(code))
                .map(rows -> rows.size() == 0 ? null : view(rows.iterator().next()));
    }

    /** Adds the entry, or renames and redescribes the one with this code (its creation time kept). */
    public Uni<Catalogue.Saved> upsert(String code, String name, String description, OffsetDateTime now) {
        return pool.preparedQuery(upsert)
                .execute(Tuple.of(code, name, description, now))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Catalogue.Saved(view(row), row.getBoolean("created"));
                });
    }

    private static CatalogueView view(Row row) {
        return new CatalogueView(row.getString("code"), row.getString("name"), row.getString("description"));
    }
}
