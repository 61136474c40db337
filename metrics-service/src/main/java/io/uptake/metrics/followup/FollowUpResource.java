package io.uptake.metrics.followup;

import io.smallrye.mutiny.Uni;
import io.uptake.metrics.access.Scope;
import io.uptake.metrics.api.CsvWriter;
import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.api.Interval;
import io.uptake.platform.access.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestHeader;

/** Shortfall follow-ups across people: the options and the root causes per unit over time. */
@Path("/api/metrics")
public class FollowUpResource {

    private final FollowUpStore store;
    private final FollowUpConfig config;
    private final CurrentCaller currentCaller;

    public FollowUpResource(FollowUpStore store, FollowUpConfig config, CurrentCaller currentCaller) {
        this.store = store;
        this.config = config;
        this.currentCaller = currentCaller;
    }

    /** The root causes and action kinds this organisation uses. */
    @GET
    @Path("/follow-ups/options")
    @RolesAllowed({"employee", "hr", "manager", "executive", "admin"})
    public Map<String, List<String>> options() {
        return Map.of("rootCauses", config.rootCauses(), "actionKinds", config.actionKinds());
    }

    @GET
    @Path("/follow-ups/root-causes")
    @RolesAllowed({"hr", "manager", "executive", "admin"})
    @APIResponse(
            responseCode = "200",
            description = "JSON by default; CSV with Accept: text/csv",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = RootCauseRow.class, type = SchemaType.ARRAY)),
                @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))
            })
    public Uni<Response> rootCauses(
            @RestHeader("Accept") String accept,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("interval") @DefaultValue("month") String interval,
            @QueryParam("businessUnit") String businessUnit) {
        Interval every = Interval.require(interval);
        DateRange range = DateRange.parse(from, to);
        String unit = Scope.businessUnit(currentCaller.get(), businessUnit);
        return store.causes(range, unit, every.periods(range))
                .map(rows -> CsvWriter.respond(accept, rows, RootCauseRow.class));
    }
}
