package io.uptake.training.assignment;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.access.CurrentCaller;
import io.uptake.platform.api.PageView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** Assignments: self, manager (own business unit) and HR read; HR assigns and changes; the assignee or HR completes. */
@Path("/api/training/assignments")
@RolesAllowed({"employee", "manager", "hr", "executive", "admin"
}) // people only: the ingest client posts usage events, nothing else
public class AssignmentResource {

    private final AssignmentListing listing;
    private final AssignmentCommands commands;
    private final ManualAssignment manual;
    private final CurrentCaller currentCaller;

    public AssignmentResource(
            AssignmentListing listing,
            AssignmentCommands commands,
            ManualAssignment manual,
            CurrentCaller currentCaller) {
        this.listing = listing;
        this.commands = commands;
        this.manual = manual;
        this.currentCaller = currentCaller;
    }

    @GET
    public Uni<PageView<AssignmentView>> list(
            @QueryParam("userId") String userId,
            @QueryParam("status")
                    @Pattern(
                            regexp = "ASSIGNED|IN_PROGRESS|COMPLETED|OVERDUE|CANCELLED",
                            message = "must be ASSIGNED, IN_PROGRESS, COMPLETED, OVERDUE or CANCELLED")
                    String status,
            @QueryParam("businessUnit") String businessUnit,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return listing.list(
                currentCaller.get(),
                userId,
                status == null ? null : AssignmentStatus.valueOf(status),
                businessUnit,
                page,
                size);
    }

    @POST
    @RolesAllowed("hr")
    public Uni<Response> assign(@Valid @NotNull NewAssignments request) {
        return manual.assign(currentCaller.get(), request)
                .map(result ->
                        Response.status(Response.Status.CREATED).entity(result).build());
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed("hr")
    public Uni<AssignmentView> change(@PathParam("id") UUID id, @Valid @NotNull AssignmentChange change) {
        return commands.change(id, change);
    }

    @POST
    @Path("/{id}/complete")
    public Uni<AssignmentView> complete(@PathParam("id") UUID id) {
        return commands.complete(currentCaller.get(), id);
    }
}
