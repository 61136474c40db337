package io.uptake.metrics.team;

import io.smallrye.mutiny.Uni;
import io.uptake.metrics.access.Scope;
import io.uptake.metrics.api.DateRange;
import io.uptake.platform.access.Caller;
import io.uptake.platform.access.CurrentCaller;
import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.PageView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** My team: a manager's own unit, person by person, over a range; executives and admins name any unit. */
@Path("/api/metrics/team")
public class TeamResource {

    private final TeamService service;
    private final CurrentCaller currentCaller;

    public TeamResource(TeamService service, CurrentCaller currentCaller) {
        this.service = service;
        this.currentCaller = currentCaller;
    }

    @GET
    @RolesAllowed({"manager", "executive", "admin"})
    public Uni<PageView<TeamRow>> team(
            @QueryParam("businessUnit") String businessUnit,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("q") @Size(max = 200, message = "at most 200 characters") String q,
            @QueryParam("status") String status,
            @QueryParam("sort") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Caller caller = currentCaller.get();
        String unit = unit(caller, businessUnit);
        TeamQuery query = TeamQuery.parse(q, status, sort);
        return service.page(DateRange.parse(from, to), unit, query, page, size);
    }

    /** The unit to list: an executive or admin must name one; a manager gets their own (another is refused). */
    private static String unit(Caller caller, String requested) {
        if (caller.admin() || caller.executive()) {
            if (requested == null || requested.isBlank()) {
                throw new InvalidInput("businessUnit", "is required: name the business unit to list");
            }
            return requested;
        }
        return Scope.ownUnit(caller, requested);
    }
}
