package io.uptake.feedback.workflow;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.uptake.feedback.access.Viewer;
import io.uptake.feedback.item.ItemView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

/** The triage workflow: the CRM team (admin) moves items; everyone reads their history. */
@Path("/api/feedback/items/{id}")
@RolesAllowed({"employee", "manager", "hr", "executive", "admin"
}) // people only: the ingest client posts usage events, nothing else
public class WorkflowResource {

    private final WorkflowService service;
    private final SecurityIdentity identity;

    public WorkflowResource(WorkflowService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @Path("/transitions")
    @RolesAllowed("admin")
    public Uni<ItemView> transition(@PathParam("id") long id, @Valid @NotNull TransitionRequest request) {
        return service.transition(Viewer.of(identity), id, request);
    }

    @GET
    @Path("/history")
    public Uni<List<HistoryEntry>> history(@PathParam("id") long id) {
        return service.history(id);
    }
}
