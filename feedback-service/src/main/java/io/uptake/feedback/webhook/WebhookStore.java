package io.uptake.feedback.webhook;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.Pages;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The SQL of webhooks as the API and the fan-out see them (tables {@code webhook}, {@code webhook_job}, {@code webhook_delivery}). */
@ApplicationScoped
public class WebhookStore {

    private final Pool pool;

    public WebhookStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<WebhookView> register(NewWebhook webhook, String createdBy) {
        return pool.preparedQuery(
                        "insert into webhook (url, secret, events, created_by) values ($1, $2, $3, $4) returning *")
                .execute(Tuple.of(
                        webhook.url(),
                        webhook.secret(),
                        webhook.events().stream().distinct().toArray(String[]::new),
                        createdBy))
                .map(rows -> WebhookView.of(rows.iterator().next()));
    }

    public Uni<PageView<WebhookView>> list(int page, int size) {
        return pool.preparedQuery("select *, " + Pages.TOTAL + " from webhook order by id limit $1 offset $2")
                .execute(Tuple.of(size, (long) page * size))
                .map(rows -> Pages.of(rows, WebhookView::of, page, size));
    }

    /** Stops deliveries to the webhook; false when there is no such webhook. */
    public Uni<Boolean> deactivate(long id) {
        return pool.preparedQuery("update webhook set active = false where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.rowCount() > 0);
    }

    /** Every attempt to deliver to the webhook, newest first; null when there is no such webhook. */
    public Uni<PageView<DeliveryView>> deliveries(long id, int page, int size) {
        return pool.preparedQuery("select 1 from webhook where id = $1")
                .execute(Tuple.of(id))
                .flatMap(found -> found.size() == 0
                        ? Uni.createFrom().<PageView<DeliveryView>>nullItem()
                        : pool.preparedQuery(
                                        "select *, " + Pages.TOTAL
                                                + " from webhook_delivery where webhook_id = $1 order by id desc limit $2 offset $3")
                                .execute(Tuple.of(id, size, (long) page * size))
                                .map(rows -> Pages.of(rows, DeliveryView::of, page, size)));
    }

    /** A pending delivery of the event to every active webhook subscribed to its type, once per event and webhook. */
    public Uni<Void> queue(SqlClient client, UUID eventId, String type, String payload) {
        return client.preparedQuery("""
                        insert into webhook_job (webhook_id, event_id, payload)
                        select id, $1, $2 from webhook where active and $3 = any (events)
                        on conflict (webhook_id, event_id) do nothing""")
                .execute(Tuple.of(eventId, payload, type))
                .replaceWithVoid();
    }
}
