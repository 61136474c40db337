package io.uptake.platform.catalogue;

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

/**
 * The HTTP face of a catalogue: every signed-in person reads it (not the CRM connector), the CRM team
 * (admin) maintains it. A service's resource extends this with its {@code @Path}.
 */
public abstract class CatalogueResource {

    public static final String CODE_PATTERN = "[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*";

    private final Catalogue catalogue;
    private final String noun;

    /** {@code noun}: what an entry is called in answers, such as {@code action}. */
    protected CatalogueResource(Catalogue catalogue, String noun) {
        this.catalogue = catalogue;
        this.noun = noun;
    }

    @GET
    @RolesAllowed({"employee", "manager", "hr", "executive", "admin"})
    public Uni<PageView<CatalogueView>> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return catalogue.list(page, size);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({"employee", "manager", "hr", "executive", "admin"})
    public Uni<CatalogueView> get(@PathParam("code") String code) {
        return catalogue
                .find(code)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundException("No " + noun + " '" + code + "' in the catalogue"));
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed("admin")
    public Uni<Response> define(
            @PathParam("code")
                    @Size(max = 64)
                    @Pattern(
                            regexp = CODE_PATTERN,
                            message = "must be lower-case words separated by dots, such as record.created or reports")
                    String code,
            @Context UriInfo uri,
            @Valid @NotNull CatalogueDefinition definition) {
        return catalogue
                .define(code, definition)
                .map(saved -> saved.created()
                        ? Response.created(uri.getAbsolutePath())
                                .entity(saved.entry())
                                .build()
                        : Response.ok(saved.entry()).build());
    }
}
