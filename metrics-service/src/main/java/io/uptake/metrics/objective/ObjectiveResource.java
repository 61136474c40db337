package io.uptake.metrics.objective;

import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.Problem;
import io.vertx.pgclient.PgException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Objectives per business unit and job role: admins set them, every signed-in person reads them. */
@Path("/api/metrics/objectives")
public class ObjectiveResource {

    private final ObjectiveService service;
    private final SecurityIdentity identity;

    public ObjectiveResource(ObjectiveService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @PUT
    @Path("/{businessUnit}/{jobRole}")
    @RolesAllowed("admin")
    public Uni<ObjectivesView> set(
            @PathParam("businessUnit") @Size(min = 1, max = 100) String businessUnit,
            @PathParam("jobRole") @Size(min = 1, max = 100) String jobRole,
            @Valid @NotNull ObjectivesRequest request) {
        return service.set(businessUnit, jobRole, request.expectations(), request.effectiveFrom(), identity.getPrincipal().getName());
    }

    @GET
    @RolesAllowed({"employee", "manager", "hr", "executive", "admin"})
    public Uni<PageView<ObjectivesView>> current(
            @QueryParam("businessUnit") String businessUnit,
            @QueryParam("jobRole") String jobRole,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.current(businessUnit, jobRole, page, size);
    }

    @GET
    @Path("/{businessUnit}/{jobRole}/history")
    @RolesAllowed({"employee", "manager", "hr", "executive", "admin"})
    public Uni<List<ObjectivesView>> history(@PathParam("businessUnit") String businessUnit, @PathParam("jobRole") String jobRole) {
        return service.history(businessUnit, jobRole);
    }

    /** Two admins changing the same objectives at once: the second is told to try again. */
    @ServerExceptionMapper
    public Response concurrentChange(PgException failure) {
        if (!"23505".equals(failure.getSqlState())) {
            Log.error("Objectives could not be stored", failure);
            return Response.status(500).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(500, "Internal Server Error", "The service could not complete the request")).build();
        }
        return Response.status(409).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(409, "Conflict", "These objectives were changed at the same moment by someone else; send yours again")).build();
    }
}
