package io.uptake.feedback.stats;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.uptake.feedback.access.Viewer;
import io.uptake.feedback.api.InvalidInput;
import io.uptake.feedback.api.PageView;
import io.uptake.feedback.api.Pages;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Being listened to: what waits too long for a response, and how each business unit's feedback fares. */
@Path("/api/feedback")
@RolesAllowed({"employee", "manager", "hr", "executive", "admin"}) // people only: the ingest client posts usage events, nothing else
public class StatsResource {

    private static final int DEFAULT_DAYS = 90;
    private static final int MAX_DAYS = 3660;
    private static final int TOP_CONTRIBUTORS = 10;

    private final Pool pool;
    private final SecurityIdentity identity;
    private final ResponseTarget target;

    public StatsResource(Pool pool, SecurityIdentity identity, ResponseTarget target) {
        this.pool = pool;
        this.identity = identity;
        this.target = target;
    }

    /** Items not acknowledged within the response target, oldest first; a manager sees their own business unit's. */
    @GET
    @Path("/overdue")
    @RolesAllowed({"admin", "manager"})
    public Uni<PageView<OverdueItem>> overdue(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        Viewer viewer = Viewer.of(identity);
        String unit = viewer.admin() ? null : viewer.businessUnit() == null ? "" : viewer.businessUnit();
        OffsetDateTime cutoff = WorkingDays.before(OffsetDateTime.now(ZoneOffset.UTC), target.workingDays());
        return pool.preparedQuery("select *, " + Pages.TOTAL + """
                 from feedback_item where status = 'SUBMITTED' and created_at < $1 and ($2::varchar is null or business_unit = $2)
                order by created_at, id limit $3 offset $4""")
                .execute(Tuple.of(cutoff, unit, size, (long) page * size))
                .map(rows -> Pages.of(rows, OverdueItem::of, page, size));
    }

    @GET
    @Path("/stats")
    public Uni<FeedbackStats> stats(@QueryParam("from") String fromText, @QueryParam("to") String toText) {
        LocalDate to = toText == null || toText.isBlank() ? LocalDate.now(ZoneOffset.UTC) : date("to", toText);
        LocalDate from = fromText == null || fromText.isBlank() ? to.minusDays(DEFAULT_DAYS - 1) : date("from", fromText);
        if (from.isAfter(to)) {
            throw new InvalidInput("from", "must not be after to");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new InvalidInput("from", "the range may span at most " + MAX_DAYS + " days");
        }
        Tuple range = Tuple.of(from.atStartOfDay().atOffset(ZoneOffset.UTC), to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
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
                        stats.add(new FeedbackStats.UnitStats(row.getString("unit"), row.getLong("submitted"), row.getLong("implemented"),
                                rounded(row.getDouble("first_response_hours")), rounded(row.getDouble("implementation_days"))));
                    }
                    return stats;
                });
        Uni<List<FeedbackStats.Contributor>> contributors = pool.preparedQuery("""
                select submitted_by, count(*) as submitted, count(*) filter (where status = 'IMPLEMENTED') as implemented
                from feedback_item where created_at >= $1 and created_at < $2
                group by submitted_by order by implemented desc, submitted desc, submitted_by limit %d""".formatted(TOP_CONTRIBUTORS))
                .execute(range)
                .map(rows -> {
                    List<FeedbackStats.Contributor> top = new ArrayList<>(rows.size());
                    rows.forEach(row -> top.add(new FeedbackStats.Contributor(row.getString("submitted_by"), row.getLong("submitted"),
                            row.getLong("implemented"))));
                    return top;
                });
        return Uni.combine().all().unis(units, contributors).with((byUnit, top) -> new FeedbackStats(from, to, byUnit, top));
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException unreadable) {
            throw new InvalidInput(field, "must be a date such as 2026-11-02");
        }
    }

    private static Double rounded(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }
}
