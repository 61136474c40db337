package io.uptake.training.policy;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Retraining policies per business unit (HR). */
@Path("/api/training/policies/{businessUnit}")
@RolesAllowed({"hr", "admin"})
public class PolicyResource {

    private final PolicyService service;

    public PolicyResource(PolicyService service) {
        this.service = service;
    }

    @PUT
    @RolesAllowed("hr")
    public Uni<PolicyView> put(
            @PathParam("businessUnit") @Size(min = 1, max = 200) String businessUnit,
            @Valid @NotNull PolicyRequest request) {
        return service.put(businessUnit, request);
    }

    @GET
    public Uni<PolicyView> get(@PathParam("businessUnit") @Size(min = 1, max = 200) String businessUnit) {
        return service.find(businessUnit);
    }
}
