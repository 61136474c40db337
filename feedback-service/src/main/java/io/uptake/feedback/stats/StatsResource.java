package io.uptake.feedback.stats;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.access.Caller;
import io.uptake.platform.access.CurrentCaller;
import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.PageView;
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

/** Being listened to: what waits too long for a response, and how each business unit's feedback fares. */
@Path("/api/feedback")
@RolesAllowed({"employee", "manager", "hr", "executive", "admin"
}) // people only: the ingest client posts usage events, nothing else
public class StatsResource {

    private static final int DEFAULT_DAYS = 90;
    private static final int MAX_DAYS = 3660;
    private final StatsQueries queries;
    private final CurrentCaller currentCaller;
    private final ResponseTarget target;

    public StatsResource(StatsQueries queries, CurrentCaller currentCaller, ResponseTarget target) {
        this.queries = queries;
        this.currentCaller = currentCaller;
        this.target = target;
    }

    /** Items not acknowledged within the response target, oldest first; a manager sees their own business unit's. */
    @GET
    @Path("/overdue")
    @RolesAllowed({"admin", "manager"})
    public Uni<PageView<OverdueItem>> overdue(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        Caller caller = currentCaller.get();
        String unit = caller.admin() ? null : caller.ownUnit(null);
        OffsetDateTime cutoff = WorkingDays.before(OffsetDateTime.now(ZoneOffset.UTC), target.workingDays());
        return queries.overdue(cutoff, unit, page, size);
    }

    @GET
    @Path("/stats")
    public Uni<FeedbackStats> stats(@QueryParam("from") String fromText, @QueryParam("to") String toText) {
        LocalDate to = toText == null || toText.isBlank() ? LocalDate.now(ZoneOffset.UTC) : date("to", toText);
        LocalDate from =
                fromText == null || fromText.isBlank() ? to.minusDays(DEFAULT_DAYS - 1) : date("from", fromText);
        if (from.isAfter(to)) {
            throw new InvalidInput("from", "must not be after to");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new InvalidInput("from", "the range may span at most " + MAX_DAYS + " days");
        }
        return queries.stats(from, to);
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException unreadable) {
            throw new InvalidInput(field, "must be a date such as 2026-11-02");
        }
    }
}
