package io.uptake.feedback.notification;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.uptake.feedback.api.PageView;
import io.uptake.feedback.api.Pages;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
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

/** The caller's own inbox. Nobody reads or marks another person's notifications: those are simply not found. */
@Path("/api/feedback/notifications")
@RolesAllowed({"employee", "manager", "hr", "executive", "admin"}) // people only: the ingest client posts usage events, nothing else
public class NotificationResource {

    private final Pool pool;
    private final SecurityIdentity identity;

    public NotificationResource(Pool pool, SecurityIdentity identity) {
        this.pool = pool;
        this.identity = identity;
    }

    @GET
    public Uni<PageView<NotificationView>> inbox(
            @QueryParam("unread") @DefaultValue("false") boolean unreadOnly,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return pool.preparedQuery("select *, " + Pages.TOTAL + """
                 from notification where recipient = $1 and (not $2 or read_at is null)
                order by id desc limit $3 offset $4""")
                .execute(Tuple.of(identity.getPrincipal().getName(), unreadOnly, size, (long) page * size))
                .map(rows -> Pages.of(rows, NotificationView::of, page, size));
    }

    @POST
    @Path("/{id}/read")
    public Uni<NotificationView> markRead(@PathParam("id") long id) {
        return pool.preparedQuery("update notification set read_at = coalesce(read_at, now()) where id = $1 and recipient = $2 returning *")
                .execute(Tuple.of(id, identity.getPrincipal().getName()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new NotFoundException("No notification " + id + " in your inbox");
                    }
                    return NotificationView.of(rows.iterator().next());
                });
    }
}
