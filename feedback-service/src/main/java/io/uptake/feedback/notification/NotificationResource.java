package io.uptake.feedback.notification;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.PageView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/**
 * The caller's own inbox. Nobody reads or marks another person's notifications: those are simply not found. The
 * header polls {@code unread-count}; {@code read-all} marks every unread notification of the caller read.
 */
@Path("/api/feedback/notifications")
@RolesAllowed({"employee", "manager", "hr", "executive", "admin"
}) // people only: the ingest client posts usage events, nothing else
public class NotificationResource {

    private final NotificationStore store;
    private final SecurityIdentity identity;

    public NotificationResource(NotificationStore store, SecurityIdentity identity) {
        this.store = store;
        this.identity = identity;
    }

    @GET
    public Uni<PageView<NotificationView>> inbox(
            @QueryParam("unread") @DefaultValue("false") boolean unreadOnly,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return store.inbox(identity.getPrincipal().getName(), unreadOnly, page, size);
    }

    /** What {@code unread-count} answers. */
    public record UnreadCount(long unread) {}

    /** What {@code read-all} answers: how many notifications it marked read (0 when none were unread). */
    public record Marked(int marked) {}

    @GET
    @Path("/unread-count")
    public Uni<UnreadCount> unreadCount() {
        return store.unread(identity.getPrincipal().getName()).map(UnreadCount::new);
    }

    @POST
    @Path("/read-all")
    public Uni<Marked> readAll() {
        return store.markAllRead(identity.getPrincipal().getName()).map(Marked::new);
    }

    @POST
    @Path("/{id}/read")
    public Uni<NotificationView> markRead(@PathParam("id") long id) {
        return store.markRead(id, identity.getPrincipal().getName())
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundException("No notification " + id + " in your inbox"));
    }
}
