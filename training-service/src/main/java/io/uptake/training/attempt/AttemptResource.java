package io.uptake.training.attempt;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.access.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

/** An attempt: save answers, submit, read back (its owner; HR reads too). */
@Path("/api/training/attempts")
@RolesAllowed({"employee", "manager", "hr", "executive", "admin"
}) // people only: the ingest client posts usage events, nothing else
public class AttemptResource {

    private final AttemptService service;
    private final CurrentCaller currentCaller;

    public AttemptResource(AttemptService service, CurrentCaller currentCaller) {
        this.service = service;
        this.currentCaller = currentCaller;
    }

    @PUT
    @Path("/{id}/answers/{questionId}")
    public Uni<AttemptView.TakerQuestion> answer(
            @PathParam("id") UUID id, @PathParam("questionId") UUID questionId, @Valid @NotNull AnswerRequest request) {
        return service.answer(currentCaller.get(), id, questionId, request.answer());
    }

    @POST
    @Path("/{id}/submit")
    public Uni<AttemptResult> submit(@PathParam("id") UUID id) {
        return service.submit(currentCaller.get(), id);
    }

    @GET
    @Path("/{id}")
    public Uni<AttemptView> find(@PathParam("id") UUID id) {
        return service.find(currentCaller.get(), id);
    }
}
