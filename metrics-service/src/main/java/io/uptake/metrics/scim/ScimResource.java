package io.uptake.metrics.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * SCIM 2.0 (RFC 7643, RFC 7644) for the directories that provision users (Okta, Microsoft Entra ID, OneLogin): the
 * roster follows the directory by itself. A directory's client holds the role {@code provisioning}, which can do
 * nothing else; admins may use it too. Answers and errors are {@code application/scim+json}.
 */
@Path("/scim/v2")
@RolesAllowed({"provisioning", "admin"})
@Produces({ScimSchemas.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class ScimResource {

    private static final int DEFAULT_COUNT = 100;

    /** The scheme, host and port the caller used (the gateway states them: X-Forwarded-Host, -Proto). */
    private static String origin(UriInfo uri) {
        URI base = uri.getBaseUri();
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    private final ScimService service;
    private final ObjectMapper mapper;

    public ScimResource(ScimService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    /** {@code filter} ({@code userName eq "…"}, {@code externalId eq "…"}), 1-based {@code startIndex}, {@code count}. */
    @GET
    @Path("Users")
    public Uni<Response> list(
            @QueryParam("filter") String filter,
            @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count,
            @Context UriInfo uri) {
        ScimFilter parsed = ScimFilter.parse(filter);
        int start = Math.max(1, number("startIndex", startIndex, 1));
        int size = Math.min(ScimDiscovery.MAX_RESULTS, Math.max(0, number("count", count, DEFAULT_COUNT)));
        return service.list(parsed, start, size)
                .map(page -> scim(Response.ok(ScimJson.list(page.users(), page.total(), start, origin(uri)))));
    }

    @GET
    @Path("Users/{id}")
    public Uni<Response> get(@PathParam("id") String id, @Context UriInfo uri) {
        return service.get(id).map(user -> scim(Response.ok(ScimJson.user(user, origin(uri)))));
    }

    @POST
    @Path("Users")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> create(String body, @Context UriInfo uri) {
        return service.create(read(body))
                .map(user -> scim(Response.created(URI.create(origin(uri) + ScimJson.USERS + "/" + user.userName))
                        .entity(ScimJson.user(user, origin(uri)))));
    }

    @PUT
    @Path("Users/{id}")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> replace(@PathParam("id") String id, String body, @Context UriInfo uri) {
        return service.replace(id, read(body)).map(user -> scim(Response.ok(ScimJson.user(user, origin(uri)))));
    }

    @PATCH
    @Path("Users/{id}")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> patch(@PathParam("id") String id, String body, @Context UriInfo uri) {
        return service.patch(id, read(body)).map(user -> scim(Response.ok(ScimJson.user(user, origin(uri)))));
    }

    /** Takes the person off the roster (their history stays), as {@code active: false} does. */
    @DELETE
    @Path("Users/{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        return service.delete(id).map(deleted -> Response.noContent().build());
    }

    @GET
    @Path("ServiceProviderConfig")
    public Response serviceProviderConfig() {
        return scim(Response.ok(ScimDiscovery.serviceProviderConfig()));
    }

    @GET
    @Path("ResourceTypes")
    public Response resourceTypes() {
        return scim(Response.ok(ScimDiscovery.resourceTypes()));
    }

    @GET
    @Path("Schemas")
    public Response schemas() {
        return scim(Response.ok(ScimDiscovery.schemas()));
    }

    private JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            throw new ScimException(400, "invalidSyntax", "The request body is required: a JSON object");
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ScimException(400, "invalidSyntax", "The request body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static int number(String name, String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ScimException.invalidValue(name + " must be a whole number");
        }
    }

    private static Response scim(Response.ResponseBuilder response) {
        return response.type(ScimSchemas.MEDIA_TYPE).build();
    }
}
