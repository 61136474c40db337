package io.uptake.training.assignment;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.access.CurrentCaller;
import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.PageView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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

    /**
     * {@code status} repeated or comma-separated (any of the five), or {@code open=true} (ASSIGNED,
     * IN_PROGRESS and OVERDUE); {@code q} a part of the person's name or user id; {@code sort} dueOn
     * (the default), -dueOn, createdAt or -createdAt.
     */
    @GET
    public Uni<PageView<AssignmentView>> list(
            @QueryParam("userId") String userId,
            @QueryParam("status") List<String> status,
            @QueryParam("open") String open,
            @QueryParam("businessUnit") String businessUnit,
            @QueryParam("q") @Size(max = 200) String q,
            @QueryParam("sort") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        List<AssignmentStatus> statuses = statuses(status, open);
        if (sort != null && !AssignmentStore.ORDERS.containsKey(sort)) {
            throw new InvalidInput("sort", "must be dueOn, -dueOn, createdAt or -createdAt");
        }
        String search = q == null || q.isBlank() ? null : q.strip();
        return listing.list(
                currentCaller.get(),
                new AssignmentStore.Filter(userId, statuses, businessUnit, search, sort),
                page,
                size);
    }

    /** The statuses asked for: null for any. */
    private static List<AssignmentStatus> statuses(List<String> status, String open) {
        if (open != null && !open.equals("true") && !open.equals("false")) {
            throw new InvalidInput("open", "must be true or false");
        }
        List<String> named = status == null
                ? List.of()
                : status.stream()
                        .flatMap(value -> Arrays.stream(value.split(",")))
                        .map(String::strip)
                        .filter(value -> !value.isEmpty())
                        .toList();
        if ("true".equals(open)) {
            if (!named.isEmpty()) {
                throw new InvalidInput("open", "give either open=true or status, not both");
            }
            return List.of(AssignmentStatus.ASSIGNED, AssignmentStatus.IN_PROGRESS, AssignmentStatus.OVERDUE);
        }
        if (named.isEmpty()) {
            return null;
        }
        Set<AssignmentStatus> statuses = EnumSet.noneOf(AssignmentStatus.class);
        for (String value : named) {
            try {
                statuses.add(AssignmentStatus.valueOf(value));
            } catch (IllegalArgumentException unknown) {
                throw new InvalidInput("status", "must be ASSIGNED, IN_PROGRESS, COMPLETED, OVERDUE or CANCELLED");
            }
        }
        return List.copyOf(statuses);
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
