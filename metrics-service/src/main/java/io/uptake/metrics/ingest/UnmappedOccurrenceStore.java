package io.uptake.metrics.ingest;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The events that arrived under a name no mapping named, kept as they would have counted (without an action) until
 * the name is mapped and a recount asked for, or they are past the lateness window. The same event kept twice is one
 * row.
 */
@ApplicationScoped
public class UnmappedOccurrenceStore {

    private final Pool pool;

    public UnmappedOccurrenceStore(Pool pool) {
        this.pool = pool;
    }

    /** Keeps each event under the name at the same position. */
    Uni<Void> keep(List<String> names, List<UsageEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        EventColumns columns = EventColumns.of(events);
        return pool.preparedQuery("""
                        insert into unmapped_occurrence (name, event_id, user_id, occurred_at, object_type, source, object_id)
                        select * from unnest($1::varchar[], $2::uuid[], $3::varchar[], $4::timestamptz[], $5::varchar[],
                                             $6::varchar[], $7::varchar[])
                        on conflict do nothing""")
                .execute(Tuple.tuple(List.of(
                        names.toArray(String[]::new),
                        columns.ids(),
                        columns.users(),
                        columns.occurred(),
                        columns.objectTypes(),
                        columns.sources(),
                        columns.objectIds())))
                .replaceWithVoid();
    }

    /** Up to {@code limit} of the events kept under the name, as they count once the name is mapped to the action. */
    Uni<List<UsageEvent>> next(String name, String action, int limit) {
        return pool.preparedQuery("select * from unmapped_occurrence where name = $1 order by event_id limit $2")
                .execute(Tuple.of(name, limit))
                .map(rows -> {
                    List<UsageEvent> events = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        events.add(new UsageEvent(
                                row.getUUID("event_id"),
                                row.getString("user_id"),
                                action,
                                row.getOffsetDateTime("occurred_at").toInstant(),
                                row.getString("object_type"),
                                row.getString("source"),
                                row.getString("object_id")));
                    }
                    return events;
                });
    }

    /** Forgets these events of the name: they have been counted. */
    Uni<Void> forget(String name, List<UsageEvent> events) {
        return pool.preparedQuery("delete from unmapped_occurrence where name = $1 and event_id = any($2)")
                .execute(Tuple.of(name, events.stream().map(UsageEvent::eventId).toArray(UUID[]::new)))
                .replaceWithVoid();
    }

    /** Forgets the events that happened before {@code instant}; returns how many. */
    Uni<Integer> forgetBefore(Instant instant) {
        return pool.preparedQuery("delete from unmapped_occurrence where occurred_at < $1")
                .execute(Tuple.of(instant.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.rowCount());
    }
}
