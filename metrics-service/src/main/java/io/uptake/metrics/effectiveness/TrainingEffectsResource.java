package io.uptake.metrics.effectiveness;

import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import io.uptake.metrics.access.PersonAccess;
import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.roster.RosterStore;
import io.uptake.platform.access.Caller;
import io.uptake.platform.access.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A person's trainings and what each did to their use of the CRM: for themself, their unit's manager, HR, executives and admins. */
@Path("/api/metrics/people/{userId}/training-effects")
public class TrainingEffectsResource {

    private final EffectivenessService service;
    private final RosterStore roster;
    private final CurrentCaller currentCaller;
    private final EffectivenessConfig config;

    public TrainingEffectsResource(
            EffectivenessService service, RosterStore roster, CurrentCaller currentCaller, EffectivenessConfig config) {
        this.service = service;
        this.roster = roster;
        this.currentCaller = currentCaller;
        this.config = config;
    }

    @GET
    @RolesAllowed({"employee", "hr", "manager", "executive", "admin"})
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TrainingEffect.class, type = SchemaType.ARRAY)))
    public Uni<List<TrainingEffect>> person(
            @PathParam("userId") String userId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("weeks") Integer weeks) {
        DateRange completed = EffectivenessResource.completedRange(from, to);
        int window = EffectivenessResource.weeks(weeks, config);
        Caller caller = currentCaller.get();
        return roster.find(userId).flatMap(person -> {
            boolean mayRead = PersonAccess.mayRead(caller, userId, person == null ? null : person.businessUnit());
            if (!mayRead) {
                return Uni.createFrom().failure(new ForbiddenException());
            }
            if (person == null) {
                return Uni.createFrom().failure(new NotFoundException("No person '" + userId + "' in the roster"));
            }
            return service.person(userId, completed, window);
        });
    }
}
