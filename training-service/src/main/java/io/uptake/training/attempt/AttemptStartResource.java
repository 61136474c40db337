package io.uptake.training.attempt;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.access.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/** Starting an attempt: the questions drawn at random per blueprint, options shuffled, the deadline; never an answer. */
@Path("/api/training/tests/{testId}/attempts")
@RolesAllowed({"employee", "manager", "hr", "executive", "admin"
}) // people only: the ingest client posts usage events, nothing else
public class AttemptStartResource {

    private final AttemptService service;
    private final CurrentCaller currentCaller;

    public AttemptStartResource(AttemptService service, CurrentCaller currentCaller) {
        this.service = service;
        this.currentCaller = currentCaller;
    }

    /** {@code ?skill=} draws that skill's questions only (a re-test). */
    @POST
    public Uni<Response> start(
            @PathParam("testId") UUID testId, @QueryParam("skill") @Size(max = 64) String skill, @Context UriInfo uri) {
        return service.start(currentCaller.get(), testId, skill)
                .map(attempt -> Response.created(uri.getBaseUriBuilder()
                                .path("api/training/attempts")
                                .path(attempt.id().toString())
                                .build())
                        .entity(attempt)
                        .build());
    }
}
