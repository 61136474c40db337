package io.uptake.training.preference;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.access.CurrentCaller;
import io.uptake.platform.api.InvalidInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

/** The caller's own learning preferences: the mode they would rather learn in, where a module offers it. */
@Path("/api/training/me/preferences")
@RolesAllowed({"employee", "manager", "hr", "executive", "admin"
}) // people only: the ingest client posts usage events, nothing else
public class PreferenceResource {

    private final PreferenceStore preferences;
    private final CurrentCaller currentCaller;

    public PreferenceResource(PreferenceStore preferences, CurrentCaller currentCaller) {
        this.preferences = preferences;
        this.currentCaller = currentCaller;
    }

    @GET
    public Uni<PreferenceView> get() {
        String userId = currentCaller.get().userId();
        return preferences.of(userId).map(mode -> new PreferenceView(userId, mode));
    }

    /** {@code {"preferredMode": "ELEARNING" | "INSTRUCTOR_LED" | null}}; null clears it. */
    @PUT
    public Uni<PreferenceView> put(@NotNull PreferenceView request) {
        String userId = currentCaller.get().userId();
        if (request.userId() != null && !request.userId().equals(userId)) {
            throw new InvalidInput("userId", "you set your own preferences only");
        }
        return preferences
                .set(userId, request.preferredMode())
                .replaceWith(new PreferenceView(userId, request.preferredMode()));
    }
}
