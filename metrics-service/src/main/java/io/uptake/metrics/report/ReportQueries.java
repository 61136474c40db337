package io.uptake.metrics.report;

import io.smallrye.mutiny.Uni;
import io.uptake.metrics.api.DateRange;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/** The per-unit totals behind the conformity report, and the version of the data the reports show, in PostgreSQL. */
@ApplicationScoped
public class ReportQueries {

    private final Pool pool;

    public ReportQueries(Pool pool) {
        this.pool = pool;
    }

    /** The number every change a report can show bumps (triggers, V11). */
    Uni<Long> reportVersion() {
        return pool.query("select version from report_version")
                .execute()
                .map(rows -> rows.iterator().next().getLong(0));
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
}
