package io.uptake.feedback.area;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.Created;
import io.uptake.platform.api.PageView;
import io.uptake.platform.catalogue.CatalogueDefinition;
import io.uptake.platform.catalogue.CatalogueResource;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The feedback areas over HTTP: every signed-in person reads them (not the CRM connector), the CRM team (admin)
 * maintains them: adds its own, renames, deactivates and activates again.
 */
@Path("/api/feedback/areas")
public class AreaResource {

    private final AreaService areas;

    public AreaResource(AreaService areas) {
        this.areas = areas;
    }

    /** The areas in use, or every area with {@code inactive=true}; each with {@code active}. */
    @GET
    @RolesAllowed({"employee", "manager", "hr", "executive", "admin"})
    public Uni<PageView<AreaView>> areas(
            @QueryParam("inactive") @DefaultValue("false") boolean withInactive,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return areas.list(withInactive, page, size);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({"employee", "manager", "hr", "executive", "admin"})
    public Uni<AreaView> get(@PathParam("code") String code) {
        return areas.area(code).onItem().ifNull().failWith(() -> notFound(code));
    }

    /** Adds an area with this code, or renames and redescribes it (an area in use by items keeps its code). */
    @PUT
    @Path("/{code}")
    @RolesAllowed("admin")
    public Uni<Response> define(
            @PathParam("code")
                    @Size(max = 64)
                    @Pattern(
                            regexp = CatalogueResource.CODE_PATTERN,
                            message = "must be lower-case words separated by dots, such as record.created or reports")
                    String code,
            @Context UriInfo uri,
            @Valid @NotNull CatalogueDefinition definition) {
        return areas.define(code, definition)
                .map(saved -> saved.created()
                        ? Response.created(uri.getAbsolutePath())
                                .entity(saved.entry())
                                .build()
                        : Response.ok(saved.entry()).build());
    }

    /** Adds an area of the organisation's own; a 409 when the code exists or another area has the name. */
    @POST
    @RolesAllowed("admin")
    public Uni<Response> create(@Valid @NotNull NewArea area, @Context UriInfo uri) {
        return areas.create(area).map(created -> Created.below(uri, created.code(), created));
    }

    @POST
    @Path("/{code}/deactivate")
    @RolesAllowed("admin")
    public Uni<AreaView> deactivate(@PathParam("code") String code) {
        return activate(code, false);
    }

    @POST
    @Path("/{code}/activate")
    @RolesAllowed("admin")
    public Uni<AreaView> activate(@PathParam("code") String code) {
        return activate(code, true);
    }

    private Uni<AreaView> activate(String code, boolean active) {
        return areas.activate(code, active).onItem().ifNull().failWith(() -> notFound(code));
    }

    private static NotFoundException notFound(String code) {
        return new NotFoundException("No area '" + code + "' in the catalogue");
    }
}
