package io.uptake.metrics.report;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.uptake.metrics.access.Viewer;
import io.uptake.metrics.api.CsvWriter;
import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.api.InvalidInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestHeader;

/** The adoption reports, in JSON or (with {@code Accept: text/csv}) CSV. Managers see their own business unit only. */
@Path("/api/metrics")
public class ReportResource {

    private final ReportService service;
    private final SecurityIdentity identity;

    public ReportResource(ReportService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Path("/adoption")
    @RolesAllowed({"manager", "executive", "admin"})
    public Uni<Response> adoption(@RestHeader("Accept") String accept, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("groupBy") @DefaultValue("businessUnit") String groupBy, @QueryParam("businessUnit") String businessUnit) {
        ReportService.GroupBy grouping = switch (groupBy) {
            case "businessUnit" -> ReportService.GroupBy.BUSINESS_UNIT;
            case "jobRole" -> ReportService.GroupBy.JOB_ROLE;
            default -> throw new InvalidInput("groupBy", "must be businessUnit or jobRole");
        };
        DateRange range = DateRange.parse(from, to);
        return service.adoption(range, grouping, Scope.businessUnit(Viewer.of(identity), businessUnit))
                .map(rows -> CsvWriter.respond(accept, rows, AdoptionRow.class));
    }

    @GET
    @Path("/shortfalls")
    @RolesAllowed({"manager", "executive", "admin"})
    public Uni<Response> shortfalls(@RestHeader("Accept") String accept, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("businessUnit") String businessUnit,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(1000) int size) {
        DateRange range = DateRange.parse(from, to);
        return service.shortfalls(range, Scope.businessUnit(Viewer.of(identity), businessUnit), page, size)
                .map(found -> CsvWriter.respond(accept, found, ShortfallRow.class));
    }

    @GET
    @Path("/leadership")
    @RolesAllowed({"executive", "admin"})
    public Uni<Response> leadership(@RestHeader("Accept") String accept, @QueryParam("from") String from, @QueryParam("to") String to) {
        return service.leadership(DateRange.parse(from, to)).map(rows -> CsvWriter.respond(accept, rows, LeadershipRow.class));
    }

    @GET
    @Path("/conformity")
    @RolesAllowed({"executive", "admin"})
    public Uni<Response> conformity(@RestHeader("Accept") String accept, @QueryParam("from") String from, @QueryParam("to") String to) {
        return service.conformity(DateRange.parse(from, to)).map(rows -> CsvWriter.respond(accept, rows, ConformityRow.class));
    }
}
