package io.uptake.metrics.roster;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import io.uptake.metrics.access.Scope;
import io.uptake.platform.access.Caller;
import io.uptake.platform.access.CurrentCaller;
import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The roster: the CRM team (admin) keeps it; a person reads their own entry, a manager those of their unit; admins,
 * HR and managers (their unit) list it.
 */
@Path("/api/metrics/people")
public class RosterResource {

    static final int MAX_IMPORT_ROWS = 100_000;
    static final int MAX_QUERY = 200;

    private final RosterService service;
    private final RosterQueries queries;
    private final CurrentCaller currentCaller;

    public RosterResource(RosterService service, RosterQueries queries, CurrentCaller currentCaller) {
        this.service = service;
        this.queries = queries;
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

    /** The roster, paged: admins and HR any unit (or all), a manager their own unit only. */
    @GET
    @RolesAllowed({"manager", "hr", "admin"})
    public Uni<PageView<PersonView>> list(
            @QueryParam("businessUnit") String businessUnit,
            @QueryParam("jobRole") String jobRole,
            @QueryParam("q") @Size(max = MAX_QUERY, message = "at most 200 characters") String q,
            @QueryParam("active") String active,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Caller caller = currentCaller.get();
        String unit = caller.admin() || caller.hr() ? blankToNull(businessUnit) : Scope.ownUnit(caller, businessUnit);
        return queries.page(
                new RosterQueries.Filter(unit, blankToNull(jobRole), flag("active", active), blankToNull(q)),
                page,
                size);
    }

    @POST
    @Path("/import")
    @RolesAllowed("admin")
    @Consumes("text/csv")
    public Uni<ImportReport> importCsv(
            @NotNull(message = "must be a CSV file with a header row") String csv,
            @QueryParam("dryRun") String dryRun) {
        return service.importCsv(csv, Boolean.TRUE.equals(flag("dryRun", dryRun)));
    }

    @POST
    @Path("/import")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ImportReport> importJson(
            @NotNull(message = "must be a JSON array of roster entries")
                    @Size(min = 1, max = MAX_IMPORT_ROWS, message = "must hold 1 to 100000 roster entries")
                    List<JsonNode> people,
            @QueryParam("dryRun") String dryRun) {
        return service.importJson(people, Boolean.TRUE.equals(flag("dryRun", dryRun)));
    }

    /** {@code true} or {@code false} (null when absent); anything else is a 400 naming the parameter. */
    static Boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        throw new InvalidInput(name, "must be true or false");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
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
