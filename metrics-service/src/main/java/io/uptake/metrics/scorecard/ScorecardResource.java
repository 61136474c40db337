package io.uptake.metrics.scorecard;

import io.smallrye.mutiny.Uni;
import io.uptake.metrics.api.CsvWriter;
import io.uptake.metrics.api.DateRange;
import io.uptake.platform.access.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestHeader;

/** A person's scorecard: for themselves, the manager of their business unit, executives and admins. */
@Path("/api/metrics/people/{userId}/scorecard")
public class ScorecardResource {

    private final ScorecardService service;
    private final CurrentCaller currentCaller;

    public ScorecardResource(ScorecardService service, CurrentCaller currentCaller) {
        this.service = service;
        this.currentCaller = currentCaller;
    }

    @GET
    @APIResponse(
            responseCode = "200",
            description = "JSON by default; CSV with Accept: text/csv",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ScorecardView.class)),
                @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))
            })
    @RolesAllowed({"employee", "manager", "executive", "admin"})
    public Uni<Response> scorecard(
            @RestHeader("Accept") String accept,
            @PathParam("userId") String userId,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return service.scorecard(currentCaller.get(), userId, DateRange.parse(from, to))
                .map(card -> CsvWriter.respond(accept, card, ScorecardView.class));
    }
}
