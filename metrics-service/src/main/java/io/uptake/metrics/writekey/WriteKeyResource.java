package io.uptake.metrics.writekey;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.PageView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/**
 * The CRM team's write keys for Segment-compatible senders ({@code /v1/*}): created with the key shown once,
 * listed without it, revoked at once. A key can do nothing but send events (and, when made so, update the roster
 * from {@code identify} calls or post Salesforce EventLogFiles).
 */
@Path("/api/metrics/write-keys")
@RolesAllowed("admin")
public class WriteKeyResource {

    private final WriteKeyStore store;

    public WriteKeyResource(WriteKeyStore store) {
        this.store = store;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@NotNull(message = "is required") @Valid WriteKeyRequest request) {
        TraitNames traits = request.traits() == null
                ? TraitNames.DEFAULTS
                : request.traits().withDefaults();
        return store.create(
                        request.name().strip(),
                        WriteKeys.generate(),
                        Boolean.TRUE.equals(request.identify()),
                        Boolean.TRUE.equals(request.eventLogs()),
                        traits,
                        Origins.normalised(request.origins()))
                .map(created -> Response.created(URI.create("/api/metrics/write-keys/" + created.id()))
                        .entity(created)
                        .build());
    }

    @GET
    public Uni<PageView<WriteKey>> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return store.list(page, size);
    }

    @DELETE
    @Path("{id}")
    public Uni<Void> revoke(@PathParam("id") UUID id) {
        return store.revoke(id).map(revoked -> {
            if (!revoked) {
                throw new NotFoundException("No live write key " + id);
            }
            return null;
        });
    }
}
