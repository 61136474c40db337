package io.uptake.feedback.workflow;

import io.smallrye.mutiny.Uni;
import io.uptake.feedback.item.ItemView;
import io.uptake.platform.access.CurrentCaller;
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
    private final CurrentCaller currentCaller;

    public WorkflowResource(WorkflowService service, CurrentCaller currentCaller) {
        this.service = service;
        this.currentCaller = currentCaller;
    }

    @POST
    @Path("/transitions")
    @RolesAllowed("admin")
    public Uni<ItemView> transition(@PathParam("id") long id, @Valid @NotNull TransitionRequest request) {
        return service.transition(currentCaller.get(), id, request);
    }

    @GET
    @Path("/history")
    public Uni<List<HistoryEntry>> history(@PathParam("id") long id) {
        return service.history(id);
    }
}
