package io.uptake.training.competency;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.access.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

    @GET
    /** {@code skill} narrows the matrix to the people scored on that skill. */
    public Uni<CompetencyMatrix> matrix(
            @QueryParam("businessUnit") String businessUnit,
            @QueryParam("skill") String skill,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.matrix(currentCaller.get(), businessUnit, skill, page, size);
    }
}
