package io.uptake.metrics.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Where CRM connectors post usage events: a JSON array of 1 to 1000, each item judged on its own. */
@Path("/api/metrics/events")
public class IngestResource {

    static final int MAX_BATCH = 1000;

    private final IngestService service;
    private final SecurityIdentity identity;

    public IngestResource(IngestService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({"ingest", "admin"})
    public Uni<Response> ingest(
            @NotNull(message = "must be a JSON array of 1 to 1000 usage events")
                    @Size(min = 1, max = MAX_BATCH, message = "must hold 1 to 1000 usage events")
                    List<JsonNode> events) {
        return service.ingest(events, identity.hasRole("ingest"))
                .map(report -> Response.accepted(report).build());
    }
}
