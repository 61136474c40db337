package io.uptake.training.assessment;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.access.CurrentCaller;
import io.uptake.platform.api.Created;
import io.uptake.platform.api.PageView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Test definitions: HR writes, everyone lists the tests open to them. */
@Path("/api/training/tests")
@RolesAllowed({"employee", "manager", "hr", "executive", "admin"
}) // people only: the ingest client posts usage events, nothing else
public class TestResource {

    private final TestService service;
    private final CurrentCaller currentCaller;

    public TestResource(TestService service, CurrentCaller currentCaller) {
        this.service = service;
        this.currentCaller = currentCaller;
    }

    @POST
    @RolesAllowed("hr")
    public Uni<Response> create(@Valid @NotNull NewTest request, @Context UriInfo uri) {
        return service.create(request).map(created -> Created.below(uri, created.id(), created));
    }

    @GET
    public Uni<PageView<TestView>> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.list(currentCaller.get(), page, size);
    }
}
