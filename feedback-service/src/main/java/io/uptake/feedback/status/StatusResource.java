package io.uptake.feedback.status;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.uptake.feedback.item.Status;
import io.uptake.platform.api.InvalidInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The workflow's statuses and their labels: everyone reads them; the CRM team (admin) renames them. The codes
 * and the moves between them are fixed.
 */
@Path("/api/feedback/statuses")
@RolesAllowed({"employee", "manager", "hr", "executive", "admin"
}) // people only: the ingest client posts usage events, nothing else
public class StatusResource {

    /** What an admin sends to rename a status. */
    public record Rename(String label) {}

    private final StatusLabelStore store;
    private final SecurityIdentity identity;

    public StatusResource(StatusLabelStore store, SecurityIdentity identity) {
        this.store = store;
        this.identity = identity;
    }

    /** The statuses in workflow order, each with its moves per kind (a fixed set, so not paged). */
    @GET
    public Uni<List<StatusView>> list() {
        return store.all();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed("admin")
    public Uni<StatusView> rename(@PathParam("code") String code, @NotNull Rename rename) {
        return store.rename(
                status(code), rename.label(), identity.getPrincipal().getName());
    }

    @DELETE
    @Path("/{code}/label")
    @RolesAllowed("admin")
    public Uni<StatusView> reset(@PathParam("code") String code) {
        return store.reset(status(code));
    }

    private static Status status(String code) {
        try {
            return Status.valueOf(code.trim().toUpperCase());
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInput(
                    "code",
                    "must be one of "
                            + Arrays.stream(Status.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
