package io.uptake.training.module;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.Created;
import io.uptake.platform.api.PageView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Training modules: HR's catalogue. */
@Path("/api/training/modules")
@RolesAllowed({"hr", "admin"})
public class ModuleResource {

    private final ModuleService service;

    public ModuleResource(ModuleService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed("hr")
    public Uni<Response> create(@Valid @NotNull NewModule request, @Context UriInfo uri) {
        return service.create(request).map(created -> Created.below(uri, created.id(), created));
    }

    @GET
    public Uni<PageView<ModuleView>> list(
            @QueryParam("skill") String skill,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.list(skill, page, size);
    }
}
