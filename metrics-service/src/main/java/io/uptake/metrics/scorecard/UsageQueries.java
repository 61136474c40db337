package io.uptake.metrics.scorecard;

import io.smallrye.mutiny.Uni;
import io.uptake.metrics.api.DateRange;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * Usage per person over a range, aggregated in PostgreSQL from the rollups (never from the raw
 * events): one row per person for active days, one per person and action for counts.
 */
@ApplicationScoped
public class UsageQueries {

    private static final String SCOPE = """
            from daily_rollup r join person p on p.user_id = r.user_id
            where r.day between $1 and $2 and ($3::varchar is null or p.user_id = $3) and ($4::varchar is null or p.business_unit = $4)
            """;

    private final Pool pool;

    public UsageQueries(Pool pool) {
        this.pool = pool;
    }

    /** Usage by user id, for one person ({@code userId}), one business unit, or everyone (both null). */
    public Uni<Map<String, Usage>> usage(DateRange range, String userId, String businessUnit) {
        Tuple scope = Tuple.of(range.from(), range.to(), userId, businessUnit);
        Uni<Map<String, Usage>> days = pool.preparedQuery("select r.user_id, count(distinct r.day) as days " + SCOPE + " group by r.user_id")
                .execute(scope)
                .map(rows -> {
                    Map<String, Usage> usage = new HashMap<>();
                    rows.forEach(row -> usage.put(row.getString("user_id"), new Usage().activeDays(row.getLong("days"))));
                    return usage;
                });
        return days.flatMap(usage -> pool.preparedQuery("select r.user_id, r.action, sum(r.events) as events " + SCOPE + " group by r.user_id, r.action")
                .execute(scope)
                .map(rows -> {
                    rows.forEach(row -> usage.computeIfAbsent(row.getString("user_id"), id -> new Usage())
                            .count(row.getString("action"), row.getLong("events")));
                    return usage;
                }));
    }
}
