package io.uptake.metrics.report;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.uptake.metrics.access.Scope;
import io.uptake.metrics.api.CsvWriter;
import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.api.Interval;
import io.uptake.platform.access.CurrentCaller;
import io.uptake.platform.api.InvalidInput;
import io.vertx.mutiny.core.buffer.Buffer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestHeader;

/** The adoption reports, in JSON or (with {@code Accept: text/csv}) CSV. Managers see their own business unit only. */
@Path("/api/metrics")
public class ReportResource {

    private static final int CSV_SLICE = 1000;

    private final ReportService service;
    private final CurrentCaller currentCaller;

    public ReportResource(ReportService service, CurrentCaller currentCaller) {
        this.service = service;
        this.currentCaller = currentCaller;
    }

    @GET
    @Path("/adoption")
    @APIResponse(
            responseCode = "200",
            description = "JSON by default; CSV with Accept: text/csv",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = AdoptionRow.class, type = SchemaType.ARRAY)),
                @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))
            })
    @RolesAllowed({"manager", "executive", "admin"})
    public Uni<Response> adoption(
            @RestHeader("Accept") String accept,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("groupBy") @DefaultValue("businessUnit") String groupBy,
            @QueryParam("businessUnit") String businessUnit) {
        ReportService.GroupBy grouping = grouping(groupBy);
        DateRange range = DateRange.parse(from, to);
        return service.adoption(range, grouping, Scope.businessUnit(currentCaller.get(), businessUnit))
                .map(rows -> CsvWriter.respond(accept, rows, AdoptionRow.class));
    }

    @GET
    @Path("/adoption/trend")
    @APIResponse(
            responseCode = "200",
            description = "JSON by default; CSV with Accept: text/csv",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = TrendRow.class, type = SchemaType.ARRAY)),
                @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))
            })
    @RolesAllowed({"manager", "executive", "admin"})
    public Uni<Response> trend(
            @RestHeader("Accept") String accept,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("interval") @DefaultValue("week") String interval,
            @QueryParam("groupBy") @DefaultValue("businessUnit") String groupBy,
            @QueryParam("businessUnit") String businessUnit) {
        ReportService.GroupBy grouping = grouping(groupBy);
        Interval every = Interval.require(interval);
        DateRange range = DateRange.parse(from, to);
        if (every.periods(range).size() > Interval.MAX_PERIODS) {
            throw new InvalidInput(
                    "interval",
                    "a trend has at most " + Interval.MAX_PERIODS
                            + " periods: choose a longer interval or a shorter range");
        }
        return service.trend(range, every, grouping, Scope.businessUnit(currentCaller.get(), businessUnit))
                .map(rows -> CsvWriter.respond(accept, rows, TrendRow.class));
    }

    private static ReportService.GroupBy grouping(String groupBy) {
        return switch (groupBy) {
            case "businessUnit" -> ReportService.GroupBy.BUSINESS_UNIT;
            case "jobRole" -> ReportService.GroupBy.JOB_ROLE;
            default -> throw new InvalidInput("groupBy", "must be businessUnit or jobRole");
        };
    }

    @GET
    @Path("/shortfalls")
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "200",
            description = "JSON pages by default (after= the previous page's next); with Accept: text/csv, "
                    + "the whole list in the same order, written a slice at a time",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ShortfallPage.class)),
                @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))
            })
    @RolesAllowed({"manager", "executive", "admin"})
    public Uni<ShortfallPage> shortfalls(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("businessUnit") String businessUnit,
            @QueryParam("after") String after,
            @QueryParam("page") String page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(1000) int size) {
        if (page != null) {
            throw new InvalidInput(
                    "page",
                    "shortfalls are paged with after= (the 'next' value of the previous page), not page numbers");
        }
        ShortfallCursor cursor = ShortfallCursor.decode(after);
        DateRange range = DateRange.parse(from, to);
        return service.shortfalls(range, Scope.businessUnit(currentCaller.get(), businessUnit), cursor, size);
    }

    /** The whole list as CSV, written a slice of rows at a time rather than built as one string first. */
    @GET
    @Path("/shortfalls")
    @Produces(CsvWriter.TEXT_CSV)
    @Operation(hidden = true)
    @RolesAllowed({"manager", "executive", "admin"})
    public Multi<Buffer> shortfallsCsv(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("businessUnit") String businessUnit) {
        DateRange range = DateRange.parse(from, to);
        Multi<String> rows = service.shortfallSlices(
                        range, Scope.businessUnit(currentCaller.get(), businessUnit), CSV_SLICE)
                .map(CsvWriter::lines);
        return Multi.createBy()
                .concatenating()
                .streams(Multi.createFrom().item(CsvWriter.header(ShortfallRow.class)), rows)
                .map(Buffer::buffer);
    }

    @GET
    @Path("/leadership")
    @APIResponse(
            responseCode = "200",
            description = "JSON by default; CSV with Accept: text/csv",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = LeadershipRow.class, type = SchemaType.ARRAY)),
                @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))
            })
    @RolesAllowed({"executive", "admin"})
    public Uni<Response> leadership(
            @RestHeader("Accept") String accept, @QueryParam("from") String from, @QueryParam("to") String to) {
        return service.leadership(DateRange.parse(from, to))
                .map(rows -> CsvWriter.respond(accept, rows, LeadershipRow.class));
    }

    @GET
    @Path("/conformity")
    @APIResponse(
            responseCode = "200",
            description = "JSON by default; CSV with Accept: text/csv",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ConformityRow.class, type = SchemaType.ARRAY)),
                @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))
            })
    @RolesAllowed({"executive", "admin"})
    public Uni<Response> conformity(
            @RestHeader("Accept") String accept, @QueryParam("from") String from, @QueryParam("to") String to) {
        return service.conformity(DateRange.parse(from, to))
                .map(rows -> CsvWriter.respond(accept, rows, ConformityRow.class));
    }

    @GET
    @Path("/conformity/practices")
    @APIResponse(
            responseCode = "200",
            description = "JSON by default; CSV with Accept: text/csv",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = PracticeRow.class, type = SchemaType.ARRAY)),
                @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))
            })
    @RolesAllowed({"manager", "hr", "executive", "admin"})
    public Uni<Response> practices(
            @RestHeader("Accept") String accept, @QueryParam("from") String from, @QueryParam("to") String to) {
        return service.practices(DateRange.parse(from, to))
                .map(rows -> CsvWriter.respond(accept, rows, PracticeRow.class));
    }
}
