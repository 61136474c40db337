package io.uptake.feedback.webhook;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.uptake.feedback.api.PageView;
import io.uptake.feedback.api.Pages;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Webhooks that hear about feedback events (Slack, Teams, anything that takes a JSON POST): admin only. */
@Path("/api/feedback/webhooks")
@RolesAllowed("admin")
public class WebhookResource {

    private final Pool pool;
    private final SecurityIdentity identity;

    public WebhookResource(Pool pool, SecurityIdentity identity) {
        this.pool = pool;
        this.identity = identity;
    }

    @POST
    public Uni<Response> register(@Valid @NotNull NewWebhook webhook, @Context UriInfo uri) {
        return pool.preparedQuery("insert into webhook (url, secret, events, created_by) values ($1, $2, $3, $4) returning *")
                .execute(Tuple.of(webhook.url(), webhook.secret(), webhook.events().stream().distinct().toArray(String[]::new),
                        identity.getPrincipal().getName()))
                .map(rows -> WebhookView.of(rows.iterator().next()))
                .map(saved -> Response.created(uri.getAbsolutePathBuilder().path(Long.toString(saved.id())).build()).entity(saved).build());
    }

    @GET
    public Uni<PageView<WebhookView>> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return pool.preparedQuery("select *, " + Pages.TOTAL + " from webhook order by id limit $1 offset $2")
                .execute(Tuple.of(size, (long) page * size))
                .map(rows -> Pages.of(rows, WebhookView::of, page, size));
    }

    /** Stops deliveries to the webhook; its delivery log stays readable. */
    @DELETE
    @Path("/{id}")
    public Uni<Response> deactivate(@PathParam("id") long id) {
        return pool.preparedQuery("update webhook set active = false where id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new NotFoundException("No webhook " + id);
                    }
                    return Response.noContent().build();
                });
    }

    /** Every attempt to deliver to the webhook, newest first. */
    @GET
    @Path("/{id}/deliveries")
    public Uni<PageView<DeliveryView>> deliveries(@PathParam("id") long id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return pool.preparedQuery("select 1 from webhook where id = $1").execute(Tuple.of(id))
                .invoke(found -> {
                    if (found.size() == 0) {
                        throw new NotFoundException("No webhook " + id);
                    }
                })
                .flatMap(found -> pool.preparedQuery("select *, " + Pages.TOTAL + " from webhook_delivery where webhook_id = $1 order by id desc limit $2 offset $3")
                        .execute(Tuple.of(id, size, (long) page * size)))
                .map(rows -> Pages.of(rows, DeliveryView::of, page, size));
    }
}
