package io.uptake.metrics.mapping;

import io.smallrye.mutiny.Uni;
import io.uptake.metrics.action.KnownActions;
import io.uptake.metrics.ingest.IngestService;
import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.PageView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The CRM team maps the event names other tools send (a Segment {@code track} name, {@code page:<name>} or
 * {@code page:<path>}) to catalogue actions, and sees the names that arrived unmapped. A new mapping counts what
 * arrives from then on; the past is recounted only when asked ({@code ?recount=true}): the name's events of the last
 * 90 days, kept as they arrived, are then counted once each.
 */
@Path("/api/metrics")
@RolesAllowed("admin")
public class EventMappingResource {

    static final int MAX_NAME = 200;

    private final EventMappingStore store;
    private final KnownActions actions;
    private final KnownMappings known;
    private final IngestService ingest;

    public EventMappingResource(
            EventMappingStore store, KnownActions actions, KnownMappings known, IngestService ingest) {
        this.store = store;
        this.actions = actions;
        this.known = known;
        this.ingest = ingest;
    }

    @PUT
    @Path("event-mappings/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> map(
            @PathParam("name") String name,
            @QueryParam("recount") @DefaultValue("false") boolean recount,
            MappingRequest body) {
        if (name.isBlank() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("name", "1 to " + MAX_NAME + " characters, no control characters");
        }
        if (body == null || body.action() == null || body.action().isBlank()) {
            throw new InvalidInput("action", "is required: the catalogue action the name counts as");
        }
        return actions.codes().flatMap(codes -> {
            if (!codes.contains(body.action())) {
                return Uni.createFrom().failure(new InvalidInput("action", "not in the action catalogue"));
            }
            return store.put(name, body.action())
                    .invoke(known::forget)
                    .flatMap(created -> store.find(name)
                            .flatMap(saved -> recount
                                    ? ingest.recount(name, saved.action()).map(saved::withRecounted)
                                    : Uni.createFrom().item(saved))
                            .map(saved -> Response.status(created ? 201 : 200)
                                    .entity(saved)
                                    .build()));
        });
    }

    @GET
    @Path("event-mappings")
    public Uni<PageView<EventMapping>> mappings(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return store.list(page, size);
    }

    @DELETE
    @Path("event-mappings/{name}")
    public Uni<Void> unmap(@PathParam("name") String name) {
        return store.delete(name).invoke(known::forget).map(deleted -> {
            if (!deleted) {
                throw new NotFoundException("No mapping for " + name);
            }
            return null;
        });
    }

    @GET
    @Path("unmapped-events")
    public Uni<PageView<UnmappedEvent>> unmapped(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return store.unmapped(page, size);
    }
}
