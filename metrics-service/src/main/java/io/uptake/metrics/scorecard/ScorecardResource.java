package io.uptake.metrics.scorecard;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.uptake.metrics.access.Viewer;
import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.api.CsvWriter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestHeader;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** A person's scorecard: for themselves, the manager of their business unit, executives and admins. */
@Path("/api/metrics/people/{userId}/scorecard")
public class ScorecardResource {

    private final ScorecardService service;
    private final SecurityIdentity identity;

    public ScorecardResource(ScorecardService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"employee", "manager", "executive", "admin"})
    public Uni<Response> scorecard(@RestHeader("Accept") String accept, @PathParam("userId") String userId,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return service.scorecard(Viewer.of(identity), userId, DateRange.parse(from, to))
                .map(card -> CsvWriter.respond(accept, card, ScorecardView.class));
    }
}
