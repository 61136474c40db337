package io.uptake.metrics.effectiveness;

import io.smallrye.mutiny.Uni;
import io.uptake.metrics.access.Scope;
import io.uptake.metrics.api.CsvWriter;
import io.uptake.metrics.api.DateRange;
import io.uptake.platform.access.CurrentCaller;
import io.uptake.platform.api.InvalidInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestHeader;

/** Training effectiveness: for HR, executives and admins, and managers for their own unit; a person's own effects. */
@Path("/api/metrics")
public class EffectivenessResource {

    static final int MAX_WEEKS = 26;

    private final EffectivenessService service;
    private final CurrentCaller currentCaller;
    private final EffectivenessConfig config;

    public EffectivenessResource(
            EffectivenessService service, CurrentCaller currentCaller, EffectivenessConfig config) {
        this.service = service;
        this.currentCaller = currentCaller;
        this.config = config;
    }

    @GET
    @Path("/training-effectiveness")
    @APIResponse(
            responseCode = "200",
            description = "JSON by default; CSV with Accept: text/csv",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = EffectivenessRow.class, type = SchemaType.ARRAY)),
                @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))
            })
    @RolesAllowed({"hr", "manager", "executive", "admin"})
    public Uni<Response> effectiveness(
            @RestHeader("Accept") String accept,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("groupBy") @DefaultValue("module") String groupBy,
            @QueryParam("businessUnit") String businessUnit,
            @QueryParam("weeks") Integer weeks) {
        EffectivenessFigures.GroupBy grouping = EffectivenessFigures.GroupBy.parse(groupBy);
        if (grouping == null) {
            throw new InvalidInput("groupBy", "must be module, skill, businessUnit or mode");
        }
        DateRange completed = completedRange(from, to);
        String unit = Scope.businessUnit(currentCaller.get(), businessUnit);
        return service.report(completed, grouping, unit, weeks(weeks, config))
                .map(rows -> CsvWriter.respond(accept, rows, EffectivenessRow.class));
    }

    /** Completion dates: by default the year up to today. */
    static DateRange completedRange(String from, String to) {
        if (from == null || from.isBlank()) {
            LocalDate end = to == null || to.isBlank()
                    ? LocalDate.now(ZoneOffset.UTC)
                    : DateRange.parse(null, to).to();
            return DateRange.parse(end.minusDays(DateRange.MAX_DAYS - 1).toString(), end.toString());
        }
        return DateRange.parse(from, to);
    }

    static int weeks(Integer requested, EffectivenessConfig config) {
        if (requested == null) {
            return config.weeks();
        }
        if (requested < 1 || requested > MAX_WEEKS) {
            throw new InvalidInput("weeks", "must be 1 to " + MAX_WEEKS);
        }
        return requested;
    }
}
