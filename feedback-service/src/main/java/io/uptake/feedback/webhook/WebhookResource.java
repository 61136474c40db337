package io.uptake.feedback.webhook;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.Created;
import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.PageView;
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
import java.net.URI;

/** Webhooks that hear about feedback events (Slack, Teams, anything that takes a JSON POST): admin only. */
@Path("/api/feedback/webhooks")
@RolesAllowed("admin")
public class WebhookResource {

    private final WebhookStore store;
    private final SecurityIdentity identity;
    private final WebhookTargetGuard targets;

    public WebhookResource(WebhookStore store, SecurityIdentity identity, WebhookTargetGuard targets) {
        this.store = store;
        this.targets = targets;
        this.identity = identity;
    }

    /** Registers a webhook to a public target; the answer shows its new secret, this once. */
    @POST
    public Uni<Response> register(@Valid @NotNull NewWebhook webhook, @Context UriInfo uri) {
        return targets.check(URI.create(webhook.url()))
                .onFailure(WebhookTargetGuard.RefusedTarget.class)
                .transform(refused -> new InvalidInput("url", "is not a public target: " + refused.getMessage()))
                .flatMap(address ->
                        store.register(webhook, identity.getPrincipal().getName()))
                .map(saved -> Created.below(uri, saved.webhook().id(), saved));
    }

    @GET
    public Uni<PageView<WebhookView>> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return store.list(page, size);
    }

    /**
     * A new secret for the webhook, shown this once; the one before keeps signing next to it for
     * {@code uptake.webhooks.rotation-grace}, so the receiver can switch without missing a delivery.
     */
    @POST
    @Path("/{id}/secret")
    public Uni<WebhookWithSecret> rotateSecret(@PathParam("id") long id) {
        return store.rotateSecret(id).onItem().ifNull().failWith(() -> new NotFoundException("No webhook " + id));
    }

    /** Stops deliveries to the webhook; its delivery log stays readable. */
    @DELETE
    @Path("/{id}")
    public Uni<Response> deactivate(@PathParam("id") long id) {
        return store.deactivate(id).map(found -> {
            if (!found) {
                throw new NotFoundException("No webhook " + id);
            }
            return Response.noContent().build();
        });
    }

    /** Every attempt to deliver to the webhook, newest first. */
    @GET
    @Path("/{id}/deliveries")
    public Uni<PageView<DeliveryView>> deliveries(
            @PathParam("id") long id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return store.deliveries(id, page, size)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundException("No webhook " + id));
    }
}
