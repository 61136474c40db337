package io.uptake.metrics.mapping;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.Pages;
import io.uptake.platform.api.PagingLimit;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/** Event mappings and the unmapped names' counts in PostgreSQL. */
@ApplicationScoped
public class EventMappingStore {

    private final Pool pool;

    public EventMappingStore(Pool pool) {
        this.pool = pool;
    }

    /** Maps a name to an action; true when the name had no mapping before. The name's unmapped count is kept. */
    public Uni<Boolean> put(String name, String action) {
        return pool.preparedQuery("""
                        insert into event_mapping (name, action) values ($1, $2)
                        on conflict (name) do update set action = excluded.action, updated_at = now()
                        returning (xmax = 0) as created""")
                .execute(Tuple.of(name, action))
                .map(rows -> rows.iterator().next().getBoolean("created"));
    }

    public Uni<EventMapping> find(String name) {
        return pool.preparedQuery("select * from event_mapping where name = $1")
                .execute(Tuple.of(name))
                .map(rows -> rows.size() == 0 ? null : mapping(rows.iterator().next()));
    }

    public Uni<Boolean> delete(String name) {
        return pool.preparedQuery("delete from event_mapping where name = $1")
                .execute(Tuple.of(name))
                .map(rows -> rows.rowCount() > 0);
    }

    public Uni<PageView<EventMapping>> list(int page, int size) {
        return pool.preparedQuery("select *, " + Pages.TOTAL + " from event_mapping order by name limit $1 offset $2")
                .execute(Tuple.of(size, PagingLimit.offset(page, size)))
                .map(rows -> Pages.of(rows, EventMappingStore::mapping, page, size));
    }

    /** Every mapping, name to action: what a batch is translated with. */
    public Uni<Map<String, String>> all() {
        return pool.query("select name, action from event_mapping").execute().map(rows -> {
            Map<String, String> all = new HashMap<>();
            rows.forEach(row -> all.put(row.getString("name"), row.getString("action")));
            return all;
        });
    }

    /** Adds to the counts of names that arrived unmapped (name to how many events), in one statement. */
    public Uni<Void> countUnmapped(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("""
                        insert into unmapped_event (name, events)
                        select n, c from unnest($1::varchar[], $2::bigint[]) as t(n, c)
                        on conflict (name) do update
                            set events = unmapped_event.events + excluded.events, last_seen = now()""")
                .execute(Tuple.of(
                        counts.keySet().toArray(String[]::new), counts.values().toArray(Long[]::new)))
                .replaceWithVoid();
    }

    /** The unmapped names with the most events first; names mapped since are left out. */
    public Uni<PageView<UnmappedEvent>> unmapped(int page, int size) {
        return pool.preparedQuery("select u.*, " + Pages.TOTAL + " from unmapped_event u"
                        + " where not exists (select 1 from event_mapping m where m.name = u.name)"
                        + " order by u.events desc, u.name limit $1 offset $2")
                .execute(Tuple.of(size, PagingLimit.offset(page, size)))
                .map(rows -> Pages.of(rows, EventMappingStore::unmapped, page, size));
    }

    private static EventMapping mapping(Row row) {
        return new EventMapping(row.getString("name"), row.getString("action"), row.getOffsetDateTime("updated_at"));
    }

    private static UnmappedEvent unmapped(Row row) {
        return new UnmappedEvent(
                row.getString("name"),
                row.getLong("events"),
                row.getOffsetDateTime("first_seen"),
                row.getOffsetDateTime("last_seen"));
    }
}
