package io.uptake.feedback.stats;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.Pages;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of the feedback reports: they read the items' table (a report may read another feature's table;
 * only the items feature writes it).
 */
@ApplicationScoped
public class StatsQueries {

    private static final int TOP_CONTRIBUTORS = 10;

    private final Pool pool;

    public StatsQueries(Pool pool) {
        this.pool = pool;
    }

    /** Items still SUBMITTED that were created before the cutoff, oldest first; {@code unit} null for every unit. */
    public Uni<PageView<OverdueItem>> overdue(OffsetDateTime cutoff, String unit, int page, int size) {
        return pool.preparedQuery("select *, " + Pages.TOTAL + """
                 from feedback_item where status = 'SUBMITTED' and created_at < $1 and ($2::varchar is null or business_unit = $2)
                order by created_at, id limit $3 offset $4""")
                .execute(Tuple.of(cutoff, unit, size, (long) page * size))
                .map(rows -> Pages.of(rows, OverdueItem::of, page, size));
    }

    /**
     * Per business unit and the top contributors, for items created in [from, to). Anonymous items count for no
     * contributor (their unit is not recorded either), so that no count points at their submitter.
     */
    public Uni<FeedbackStats> stats(LocalDate from, LocalDate to) {
        Tuple range = Tuple.of(
                from.atStartOfDay().atOffset(ZoneOffset.UTC),
                to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        Uni<List<FeedbackStats.UnitStats>> units = pool.preparedQuery("""
                select coalesce(business_unit, '') as unit, count(*) as submitted,
                    count(*) filter (where status = 'IMPLEMENTED') as implemented,
                    percentile_cont(0.5) within group (order by extract(epoch from first_response_at - created_at) / 3600)
                        filter (where first_response_at is not null) as first_response_hours,
                    percentile_cont(0.5) within group (order by extract(epoch from implemented_at - created_at) / 86400)
                        filter (where implemented_at is not null) as implementation_days
                from feedback_item where created_at >= $1 and created_at < $2 group by 1 order by 1""")
                .execute(range)
                .map(rows -> {
                    List<FeedbackStats.UnitStats> stats = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        stats.add(new FeedbackStats.UnitStats(
                                row.getString("unit"),
                                row.getLong("submitted"),
                                row.getLong("implemented"),
                                rounded(row.getDouble("first_response_hours")),
                                rounded(row.getDouble("implementation_days"))));
                    }
                    return stats;
                });
        Uni<List<FeedbackStats.Contributor>> contributors = pool.preparedQuery("""
                select submitted_by, count(*) as submitted, count(*) filter (where status = 'IMPLEMENTED') as implemented,
                    (array_agg(submitter_name order by created_at desc, id desc) filter (where submitter_name is not null))[1]
                        as display_name
                from feedback_item where created_at >= $1 and created_at < $2 and not anonymous
                group by submitted_by order by implemented desc, submitted desc, submitted_by limit %d""".formatted(TOP_CONTRIBUTORS))
                .execute(range)
                .map(rows -> {
                    List<FeedbackStats.Contributor> top = new ArrayList<>(rows.size());
                    rows.forEach(row -> top.add(new FeedbackStats.Contributor(
                            row.getString("submitted_by"),
                            row.getString("display_name"),
                            row.getLong("submitted"),
                            row.getLong("implemented"))));
                    return top;
                });
        return Uni.combine()
                .all()
                .unis(units, contributors)
                .with((byUnit, top) -> new FeedbackStats(from, to, byUnit, top));
    }

    private static Double rounded(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }
}
