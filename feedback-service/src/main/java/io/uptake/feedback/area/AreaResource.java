package io.uptake.feedback.area;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.PageView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The feedback areas: every signed-in person reads them, the CRM team (admin) maintains them. */
@Path("/api/feedback/areas")
@RolesAllowed({"employee", "manager", "hr", "executive", "admin"
}) // people only: the ingest client posts usage events, nothing else
public class AreaResource {

    static final String CODE_PATTERN = "[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*";

    private final AreaService service;

    public AreaResource(AreaService service) {
        this.service = service;
    }

    @GET
    public Uni<PageView<AreaView>> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.list(page, size);
    }

    @GET
    @Path("/{code}")
    public Uni<AreaView> get(@PathParam("code") String code) {
        return service.find(code)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundException("No area '" + code + "' in the catalogue"));
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed("admin")
    public Uni<Response> define(
            @PathParam("code")
                    @Size(max = 64)
                    @Pattern(
                            regexp = CODE_PATTERN,
                            message = "must be lower-case words separated by dots, such as reports or mobile.offline")
                    String code,
            @Context UriInfo uri,
            @Valid @NotNull AreaDefinition definition) {
        return service.define(code, definition)
                .map(saved -> saved.created()
                        ? Response.created(uri.getAbsolutePath())
                                .entity(saved.area())
                                .build()
                        : Response.ok(saved.area()).build());
    }
}
