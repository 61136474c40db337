package io.uptake.training.recertification;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.access.Caller;
import io.uptake.platform.access.CurrentCaller;
import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.PageView;
import io.uptake.training.access.TrainingAccess;
import io.uptake.training.policy.PolicyDefaults;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.Locale;

/**
 * Passes due for recertification: expiring within {@code within} days (default the recertification window) or
 * expired, with the re-test assigned for each. HR and admins: any unit, or all; managers: their own unit (the
 * default; another is 403), as for the competency matrix.
 */
@Path("/api/training/recertifications")
@RolesAllowed({"manager", "hr", "admin"})
public class RecertificationResource {

    private final RecertificationQueries queries;
    private final PolicyDefaults defaults;
    private final RecertificationConfig config;
    private final CurrentCaller currentCaller;

    public RecertificationResource(
            RecertificationQueries queries,
            PolicyDefaults defaults,
            RecertificationConfig config,
            CurrentCaller currentCaller) {
        this.queries = queries;
        this.defaults = defaults;
        this.config = config;
        this.currentCaller = currentCaller;
    }

    /** {@code status} expiring or expired (any case; absent: both). */
    @GET
    public Uni<PageView<RecertificationRow>> list(
            @QueryParam("within") @Min(0) @Max(366) Integer within,
            @QueryParam("status") String status,
            @QueryParam("businessUnit") String businessUnit,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Certification.Status wanted = status(status);
        Caller caller = currentCaller.get();
        String unit = businessUnit;
        if (!TrainingAccess.readsAll(caller)) {
            unit = caller.ownUnit(unit);
        }
        return queries.page(
                defaults.validMonths(), unit, within == null ? config.windowDays() : within, wanted, page, size);
    }

    private static Certification.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return switch (status.strip().toUpperCase(Locale.ROOT)) {
            case "EXPIRING" -> Certification.Status.EXPIRING;
            case "EXPIRED" -> Certification.Status.EXPIRED;
            default -> throw new InvalidInput("status", "must be expiring or expired");
        };
    }
}
