package io.uptake.training.policy;

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

/** Retraining policies per business unit (HR). */
@Path("/api/training/policies")
@RolesAllowed({"hr", "admin"})
public class PolicyResource {

    private final PolicyService service;

    public PolicyResource(PolicyService service) {
        this.service = service;
    }

    /** Every unit's policy in force: the units with a policy and the roster's units without one (defaulted). */
    @GET
    public Uni<PageView<PolicyView>> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.page(page, size);
    }

    @PUT
    @Path("/{businessUnit}")
    @RolesAllowed("hr")
    public Uni<PolicyView> put(
            @PathParam("businessUnit") @Size(min = 1, max = 200) String businessUnit,
            @Valid @NotNull PolicyRequest request) {
        return service.put(businessUnit, request);
    }

    @GET
    @Path("/{businessUnit}")
    public Uni<PolicyView> get(@PathParam("businessUnit") @Size(min = 1, max = 200) String businessUnit) {
        return service.find(businessUnit);
    }
}
