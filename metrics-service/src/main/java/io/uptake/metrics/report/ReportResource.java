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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestHeader;

/** The adoption reports, in JSON or (with {@code Accept: text/csv}) CSV. Managers see their own business unit only. */
@Path("/api/metrics")
public class ReportResource {

    /** The shape of a page of shortfalls, for the OpenAPI document. */
    record ShortfallPage(java.util.List<ShortfallRow> items, int page, int size, long total) {
    }

    private final ReportService service;
    private final SecurityIdentity identity;

    public ReportResource(ReportService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Path("/adoption")
    @APIResponse(responseCode = "200", description = "JSON by default; CSV with Accept: text/csv", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdoptionRow.class, type = SchemaType.ARRAY)),
            @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
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
    @APIResponse(responseCode = "200", description = "JSON by default; CSV with Accept: text/csv", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShortfallPage.class)),
            @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
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
    @APIResponse(responseCode = "200", description = "JSON by default; CSV with Accept: text/csv", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeadershipRow.class, type = SchemaType.ARRAY)),
            @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    @RolesAllowed({"executive", "admin"})
    public Uni<Response> leadership(@RestHeader("Accept") String accept, @QueryParam("from") String from, @QueryParam("to") String to) {
        return service.leadership(DateRange.parse(from, to)).map(rows -> CsvWriter.respond(accept, rows, LeadershipRow.class));
    }

    @GET
    @Path("/conformity")
    @APIResponse(responseCode = "200", description = "JSON by default; CSV with Accept: text/csv", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConformityRow.class, type = SchemaType.ARRAY)),
            @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    @RolesAllowed({"executive", "admin"})
    public Uni<Response> conformity(@RestHeader("Accept") String accept, @QueryParam("from") String from, @QueryParam("to") String to) {
        return service.conformity(DateRange.parse(from, to)).map(rows -> CsvWriter.respond(accept, rows, ConformityRow.class));
    }
}
