package io.uptake.metrics.roster;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.access.Caller;
import io.uptake.platform.access.CurrentCaller;
import io.uptake.platform.api.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The roster: the CRM team (admin) keeps it; a person reads their own entry, a manager those of their unit. */
@Path("/api/metrics/people")
public class RosterResource {

    static final int MAX_IMPORT_ROWS = 100_000;

    private final RosterService service;
    private final CurrentCaller currentCaller;

    public RosterResource(RosterService service, CurrentCaller currentCaller) {
        this.service = service;
        this.currentCaller = currentCaller;
    }

    @PUT
    @Path("/{userId}")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> put(
            @PathParam("userId") String userId,
            @NotNull(message = "must be a JSON object") JsonNode body,
            @Context UriInfo uri) {
        return service.put(userId, body)
                .map(saved -> saved.created()
                        ? Response.created(uri.getAbsolutePath())
                                .entity(saved.person())
                                .build()
                        : Response.ok(saved.person()).build());
    }

    @GET
    @Path("/{userId}")
    @RolesAllowed({"employee", "manager", "executive", "admin"})
    public Uni<PersonView> get(@PathParam("userId") String userId) {
        Caller caller = currentCaller.get();
        return service.find(userId).map(person -> {
            boolean self = caller.userId().equals(userId);
            if (!self && !caller.admin() && !(person != null && caller.managesUnit(person.businessUnit()))) {
                throw new ForbiddenException();
            }
            if (person == null) {
                throw new NotFoundException("No person '" + userId + "' in the roster");
            }
            return person;
        });
    }

    @POST
    @Path("/import")
    @RolesAllowed("admin")
    @Consumes("text/csv")
    public Uni<ImportReport> importCsv(@NotNull(message = "must be a CSV file with a header row") String csv) {
        return service.importCsv(csv);
    }

    @POST
    @Path("/import")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ImportReport> importJson(
            @NotNull(message = "must be a JSON array of roster entries")
                    @Size(min = 1, max = MAX_IMPORT_ROWS, message = "must hold 1 to 100000 roster entries")
                    List<JsonNode> people) {
        return service.importJson(people);
    }

    @ServerExceptionMapper
    public Response unreadableCsv(CsvRows.Malformed failure) {
        return Response.status(400)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.invalid(
                        failure.getMessage(), List.of(new Problem.FieldError("body", failure.getMessage()))))
                .build();
    }
}
