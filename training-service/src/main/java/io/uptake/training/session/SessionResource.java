package io.uptake.training.session;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.access.CurrentCaller;
import io.uptake.platform.api.Created;
import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.Json;
import io.uptake.platform.api.PageView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/** Instructor-led sessions: HR schedules them, everyone sees when and where, assignees (or HR for them) take seats or wait for one; HR reads the waitlist. */
@Path("/api/training/sessions")
@RolesAllowed({"employee", "manager", "hr", "executive", "admin"
}) // people only: the ingest client posts usage events, nothing else
public class SessionResource {

    private final SessionService service;
    private final CurrentCaller currentCaller;
    private final Json json;

    public SessionResource(SessionService service, CurrentCaller currentCaller, Json json) {
        this.json = json;
        this.service = service;
        this.currentCaller = currentCaller;
    }

    @POST
    @RolesAllowed("hr")
    public Uni<Response> create(@Valid @NotNull NewSession request, @Context UriInfo uri) {
        return service.create(request).map(created -> Created.below(uri, created.id(), created));
    }

    @GET
    public Uni<PageView<SessionView>> list(
            @QueryParam("moduleId") UUID moduleId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.list(moduleId, page, size);
    }

    /** HR sends {@code {"userId"}}; the assignee sends no body (any or no content type), or {@code {}}. */
    @POST
    @Path("/{id}/enrolments")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> enrol(@PathParam("id") UUID id, String body) {
        EnrolmentRequest request = body == null || body.isBlank()
                ? new EnrolmentRequest(null)
                : json.readRequest(body, EnrolmentRequest.class);
        if (request.userId() != null
                && (request.userId().isBlank() || request.userId().length() > 100)) {
            throw new InvalidInput("userId", "must be 1 to 100 characters");
        }
        return service.enrol(currentCaller.get(), id, request.userId())
                .map(enrolment -> Response.status(
                                Seats.Kind.WAITLISTED.name().equals(enrolment.status())
                                        ? Response.Status.ACCEPTED
                                        : Response.Status.CREATED)
                        .entity(enrolment)
                        .build());
    }

    /** HR takes anyone out of the session, a person themself; their seat goes to the first person waiting. */
    @DELETE
    @Path("/{id}/enrolments/{userId}")
    public Uni<Response> leave(@PathParam("id") UUID id, @PathParam("userId") @Size(min = 1, max = 100) String userId) {
        return service.leave(currentCaller.get(), id, userId)
                .replaceWith(Response.noContent().build());
    }

    /** Who sits in the session (HR), first booked first. */
    @GET
    @Path("/{id}/enrolments")
    @RolesAllowed({"hr", "admin"})
    public Uni<PageView<SeatView>> enrolments(
            @PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.seats(id, page, size);
    }

    @GET
    @Path("/{id}/waitlist")
    @RolesAllowed({"hr", "admin"})
    public Uni<PageView<WaitlistEntry>> waitlist(
            @PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.waitlist(id, page, size);
    }
}
