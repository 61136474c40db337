package io.uptake.metrics.objective;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.PageView;
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
import java.util.List;

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
        return service.set(
                businessUnit,
                jobRole,
                request.expectations(),
                request.effectiveFrom(),
                identity.getPrincipal().getName());
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
    public Uni<List<ObjectivesView>> history(
            @PathParam("businessUnit") String businessUnit, @PathParam("jobRole") String jobRole) {
        return service.history(businessUnit, jobRole);
    }
}
