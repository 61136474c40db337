package io.uptake.metrics.ingest;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** The usage-event log and the per-person aggregates kept with it, in PostgreSQL. */
@ApplicationScoped
public class UsageEventStore {

    /**
     * One statement, so one transaction: the event ids that are new are inserted, and only those are
     * added to the per-person aggregates (running counts per person, month and action; the days of the
     * year each person was active) and to the per-unit daily totals. Applying the same events again
     * changes nothing.
     *
     * <p>The per-unit totals are the only rows two statements applied side by side share (each partition's events
     * have a statement of their own, and a person's events one partition), and a row stays locked from its upsert
     * until the commit. So they go last: the condition that counts the per-person upserts' rows is evaluated once
     * before the totals' rows are read (PostgreSQL runs a data-modifying CTE nobody reads only at the statement's
     * end, after the primary query), so another statement waits for them only for the end of this one rather than
     * for all of it.
     */
    private static final String APPLY = """
            with new_events as (
                insert into usage_event (event_id, user_id, action, occurred_at, day, object_type, source, object_id)
                select * from unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::timestamptz[], $5::date[],
                                     $6::varchar[], $7::varchar[], $8::varchar[])
                on conflict (day, event_id) do nothing
                returning user_id, day, action),
            per_day as (
                select user_id, date_trunc('month', day)::date as month, action, extract(day from day)::int as day_of_month,
                       count(*) as events
                  from new_events group by user_id, day, action),
            counted as (
                insert into person_action_month as a (user_id, month, action, running)
                select user_id, month, action,
                       running_of(array_agg(day_of_month order by day_of_month), array_agg(events order by day_of_month))
                  from per_day group by user_id, month, action
                on conflict (user_id, month, action) do update set running = running_merge(a.running, excluded.running)
                returning 1),
            active as (
                insert into person_activity as a (user_id, year, days)
                select user_id, extract(year from day)::smallint, days_bitmap(array_agg(distinct extract(doy from day)::int))
                  from new_events group by user_id, extract(year from day)
                on conflict (user_id, year) do update set days = days_or(a.days, excluded.days)
                returning 1)
            insert into unit_action_day (business_unit, day, action, events)
            select p.business_unit, e.day, e.action, count(*) from new_events e join person p on p.user_id = e.user_id
             where (select count(*) from counted) + (select count(*) from active) >= 0
            group by e.day, p.business_unit, e.action order by e.day, p.business_unit, e.action
            on conflict (day, business_unit, action) do update set events = unit_action_day.events + excluded.events
            """;

    private final Pool pool;

    public UsageEventStore(Pool pool) {
        this.pool = pool;
    }

    /** Makes the monthly partitions of the event log that hold the days from {@code from} to {@code until}. */
    public Uni<Void> ensurePartitions(LocalDate from, LocalDate until) {
        return pool.preparedQuery("select ensure_usage_event_partitions($1, $2)")
                .execute(Tuple.of(from, until))
                .replaceWithVoid();
    }

    /** Drops the partitions of the event log whose every day is before {@code day}; returns the names dropped. */
    public Uni<List<String>> dropPartitionsBefore(LocalDate day) {
        return pool.preparedQuery("select drop_usage_event_partitions_before($1) as dropped")
                .execute(Tuple.of(day))
                .map(rows -> {
                    List<String> dropped = new ArrayList<>();
                    for (Row row : rows) {
                        dropped.add(row.getString("dropped"));
                    }
                    return dropped;
                });
    }

    /**
     * Records the events whose ids are new and adds them to the aggregates; returns how many per-unit rows
     * changed. Events on days before {@code oldestDay} (past the retention, whose partition may be gone) are
     * left out.
     */
    public Uni<Integer> apply(List<UsageEvent> all, LocalDate oldestDay) {
        List<UsageEvent> events =
                all.stream().filter(event -> !day(event).isBefore(oldestDay)).toList();
        if (events.size() < all.size()) {
            Log.warnf(
                    "Left out %d usage event(s) from before %s, past the retention",
                    all.size() - events.size(), oldestDay);
        }
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        EventColumns columns = EventColumns.of(events);
        Tuple arguments = Tuple.tuple(List.of(
                columns.ids(),
                columns.users(),
                columns.actions(),
                columns.occurred(),
                columns.days(),
                columns.objectTypes(),
                columns.sources(),
                columns.objectIds()));
        return pool.preparedQuery(APPLY).execute(arguments).map(rows -> rows.rowCount());
    }

    /** The day (UTC) an event counts for, and under which the log keeps it. */
    static LocalDate day(UsageEvent event) {
        return event.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** Which of these events are already recorded (looked up by day and id, the log's key). */
    public Uni<Set<UUID>> recorded(List<UsageEvent> events) {
        return pool.preparedQuery(
                        "select event_id from usage_event where (day, event_id) in (select * from unnest($1::date[], $2::uuid[]))")
                .execute(Tuple.of(
                        events.stream().map(UsageEventStore::day).toArray(LocalDate[]::new),
                        events.stream().map(UsageEvent::eventId).toArray(UUID[]::new)))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map((Row row) -> row.getUUID("event_id"))
                        .collect(Collectors.toSet()));
    }
}
