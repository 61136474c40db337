package io.uptake.training.competency;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.access.CurrentCaller;
import io.uptake.platform.api.InvalidInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** People × skills, latest score each, for a business unit (managers: their own; HR: any, or everyone). */
@Path("/api/training/competency")
@RolesAllowed({"manager", "hr", "admin"})
public class CompetencyResource {

    private final CompetencyService service;
    private final CurrentCaller currentCaller;

    public CompetencyResource(CompetencyService service, CurrentCaller currentCaller) {
        this.service = service;
        this.currentCaller = currentCaller;
    }

    /**
     * {@code skill} narrows the matrix to the people scored on that skill; {@code q} to the people whose
     * name or user id contains it; {@code sort} userId (the default), name or weakest (the lowest latest
     * score first, on {@code skill} or else on any skill; people without a score last).
     */
    @GET
    public Uni<CompetencyMatrix> matrix(
            @QueryParam("businessUnit") String businessUnit,
            @QueryParam("skill") String skill,
            @QueryParam("q") @Size(max = 200) String q,
            @QueryParam("sort") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        if (sort != null && !CompetencyQueries.ORDERS.containsKey(sort)) {
            throw new InvalidInput("sort", "must be userId, name or weakest");
        }
        return service.matrix(
                currentCaller.get(),
                businessUnit,
                skill,
                q == null || q.isBlank() ? null : q.strip(),
                sort,
                page,
                size);
    }
}
