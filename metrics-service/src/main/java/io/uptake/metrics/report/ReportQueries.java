package io.uptake.metrics.report;

import io.smallrye.mutiny.Uni;
import io.uptake.metrics.api.DateRange;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The aggregates behind the reports, computed in PostgreSQL from the rollups. */
@ApplicationScoped
public class ReportQueries {

    /** Active people of one group: in the range, as person-days, and in the range's last 7 and 30 days. */
    record Activity(long activePeople, long personDays, long wau, long mau) {
    }

    /** Days with any use, and of those the workdays (Monday to Friday). */
    record Presence(long activeDays, long activeWorkdays) {
    }

    private final Pool pool;

    public ReportQueries(Pool pool) {
        this.pool = pool;
    }

    /** Activity per group; {@code groupColumn} is a column of {@code person} chosen by the caller from a fixed list. */
    Uni<Map<String, Activity>> activity(DateRange range, String groupColumn, String businessUnit) {
        String sql = """
                select p.%s as grp,
                       count(distinct r.user_id) filter (where r.day between $1 and $2) as active_people,
                       count(distinct (r.user_id, r.day)) filter (where r.day between $1 and $2) as person_days,
                       count(distinct r.user_id) filter (where r.day > $2::date - 7) as wau,
                       count(distinct r.user_id) filter (where r.day > $2::date - 30) as mau
                  from daily_rollup r join person p on p.user_id = r.user_id
                 where p.active and r.day between least($1::date, $2::date - 29) and $2 and ($3::varchar is null or p.business_unit = $3)
                 group by 1""".formatted(groupColumn);
        return pool.preparedQuery(sql).execute(Tuple.of(range.from(), range.to(), businessUnit)).map(rows -> {
            Map<String, Activity> activity = new HashMap<>();
            rows.forEach(row -> activity.put(row.getString("grp"), new Activity(row.getLong("active_people"),
                    row.getLong("person_days"), row.getLong("wau"), row.getLong("mau"))));
            return activity;
        });
    }

    Uni<Map<String, Presence>> presence(DateRange range, List<String> userIds) {
        return pool.preparedQuery("""
                        select user_id, count(distinct day) as active_days,
                               count(distinct day) filter (where extract(isodow from day) < 6) as active_workdays
                          from daily_rollup where day between $1 and $2 and user_id = any($3) group by user_id""")
                .execute(Tuple.of(range.from(), range.to(), userIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Presence> presence = new HashMap<>();
                    rows.forEach(row -> presence.put(row.getString("user_id"),
                            new Presence(row.getLong("active_days"), row.getLong("active_workdays"))));
                    return presence;
                });
    }

    /** Events per business unit (the person's unit when the event was applied) and action over the range. */
    Uni<Map<String, Map<String, Long>>> actionMix(DateRange range) {
        return pool.preparedQuery("""
                        select business_unit, action, sum(events) as events
                          from unit_action_day where day between $1 and $2 group by 1, 2""")
                .execute(Tuple.of(range.from(), range.to()))
                .map(rows -> {
                    Map<String, Map<String, Long>> mix = new HashMap<>();
                    for (Row row : rows) {
                        mix.computeIfAbsent(row.getString("business_unit"), unit -> new HashMap<>())
                                .put(row.getString("action"), row.getLong("events"));
                    }
                    return mix;
                });
    }

    static List<String> sorted(java.util.Collection<String> keys) {
        List<String> list = new ArrayList<>(keys);
        list.sort(null);
        return list;
    }
}
