package io.uptake.metrics.followup;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.access.CurrentCaller;
import io.uptake.platform.api.PageView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A person's shortfall follow-ups: the conversations their manager held with them (a class of its own under people/, as the roster's paths would shadow it). */
@Path("/api/metrics/people/{userId}/follow-ups")
public class PersonFollowUpResource {

    private final FollowUpService service;
    private final CurrentCaller currentCaller;

    public PersonFollowUpResource(FollowUpService service, CurrentCaller currentCaller) {
        this.service = service;
        this.currentCaller = currentCaller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"manager", "admin"})
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = FollowUpView.class)))
    public Uni<Response> record(@PathParam("userId") String userId, FollowUpRequest request) {
        return service.record(currentCaller.get(), userId, request)
                .map(saved -> Response.created(URI.create("/api/metrics/people/" + userId + "/follow-ups"))
                        .entity(saved)
                        .build());
    }

    @GET
    @RolesAllowed({"employee", "hr", "manager", "executive", "admin"})
    public Uni<PageView<FollowUpView>> ofPerson(
            @PathParam("userId") String userId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.ofPerson(currentCaller.get(), userId, page, size);
    }
}
