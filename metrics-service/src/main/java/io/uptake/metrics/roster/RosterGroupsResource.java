package io.uptake.metrics.roster;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * The roster's business units and job roles, for filters. Under {@code /roster/} rather than {@code /people/}, where
 * a literal segment would take the place of a person with that user id.
 */
@Path("/api/metrics/roster/groups")
public class RosterGroupsResource {

    private final RosterQueries queries;

    public RosterGroupsResource(RosterQueries queries) {
        this.queries = queries;
    }

    @GET
    @RolesAllowed({"manager", "hr", "executive", "admin"})
    public Uni<Groups> groups() {
        return queries.groups();
    }
}
