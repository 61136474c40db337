package io.uptake.training.skill;

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
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The skill catalogue: every signed-in person reads it, HR maintains it. */
@Path("/api/training/skills")
@RolesAllowed({"employee", "manager", "hr", "executive", "admin"
}) // people only: the ingest client posts usage events, nothing else
public class SkillResource {

    private final SkillService service;

    public SkillResource(SkillService service) {
        this.service = service;
    }

    @GET
    public Uni<PageView<SkillView>> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.list(page, size);
    }

    @GET
    @Path("/{code}")
    public Uni<SkillView> get(@PathParam("code") String code) {
        return service.find(code)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundException("No skill '" + code + "' in the catalogue"));
    }

    @POST
    @RolesAllowed("hr")
    public Uni<Response> create(@Valid @NotNull NewSkill request, @Context UriInfo uri) {
        return service.create(request).map(created -> Created.below(uri, created.code(), created));
    }
}
