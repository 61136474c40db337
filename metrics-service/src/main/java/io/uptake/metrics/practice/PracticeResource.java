package io.uptake.metrics.practice;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.uptake.metrics.action.KnownActions;
import io.uptake.platform.api.InvalidInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Admins and executives approve a unit's deviation on an action as a productive local practice (conformity keeps
 * showing it, no longer flags it), or withdraw the approval. The list is with the conformity report.
 */
@Path("/api/metrics/conformity/practices/{businessUnit}/{action}")
@RolesAllowed({"executive", "admin"})
public class PracticeResource {

    static final int MAX_REASON = 1000;
    static final int MAX_UNIT = 100;

    private final PracticeStore store;
    private final KnownActions actions;
    private final SecurityIdentity identity;

    public PracticeResource(PracticeStore store, KnownActions actions, SecurityIdentity identity) {
        this.store = store;
        this.actions = actions;
        this.identity = identity;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> approve(
            @PathParam("businessUnit") String businessUnit, @PathParam("action") String action, PracticeRequest body) {
        if (businessUnit.isBlank() || businessUnit.length() > MAX_UNIT) {
            throw new InvalidInput("businessUnit", "1 to " + MAX_UNIT + " characters");
        }
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            throw new InvalidInput("reason", "required: why this unit's way is a productive practice");
        }
        if (body.reason().length() > MAX_REASON) {
            throw new InvalidInput("reason", "at most " + MAX_REASON + " characters");
        }
        return actions.codes().flatMap(codes -> {
            if (!codes.contains(action)) {
                return Uni.createFrom().failure(new InvalidInput("action", "not in the action catalogue"));
            }
            ApprovedPractice practice = new ApprovedPractice(
                    businessUnit, action, body.reason(), identity.getPrincipal().getName(), null);
            return store.approve(practice)
                    .flatMap(created -> store.find(businessUnit, action)
                            .map(saved -> Response.status(created ? 201 : 200)
                                    .entity(saved)
                                    .build()));
        });
    }

    @DELETE
    public Uni<Void> withdraw(@PathParam("businessUnit") String businessUnit, @PathParam("action") String action) {
        return store.withdraw(businessUnit, action).map(removed -> {
            if (!removed) {
                throw new NotFoundException("No approved practice for " + action + " in " + businessUnit);
            }
            return null;
        });
    }
}
