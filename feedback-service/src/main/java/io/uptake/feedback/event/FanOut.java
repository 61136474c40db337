package io.uptake.feedback.event;

import io.smallrye.mutiny.Uni;
import io.uptake.feedback.celebration.CelebrationBroadcaster;
import io.uptake.feedback.celebration.CelebrationStore;
import io.uptake.feedback.celebration.CelebrationView;
import io.uptake.feedback.notification.NotificationStore;
import io.uptake.feedback.webhook.WebhookStore;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * What one feedback event turns into, in one transaction: an inbox notification per person
 * concerned, a celebration (announced to the live streams of every replica at commit), and a pending
 * delivery per subscribed webhook. Each has a unique key
 * that includes the event id, so an event delivered again adds nothing. The event of an anonymous item does
 * not name its submitter: their inbox and celebration find them through the item's row.
 */
@ApplicationScoped
public class FanOut {

    private final Pool pool;
    private final WebhookMessage webhookMessage;
    private final NotificationStore notifications;
    private final CelebrationStore celebrations;
    private final WebhookStore webhooks;
    private final CelebrationBroadcaster broadcaster;

    public FanOut(
            Pool pool,
            WebhookMessage webhookMessage,
            NotificationStore notifications,
            CelebrationStore celebrations,
            WebhookStore webhooks,
            CelebrationBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
        this.pool = pool;
        this.webhookMessage = webhookMessage;
        this.notifications = notifications;
        this.celebrations = celebrations;
        this.webhooks = webhooks;
    }

    /** Applies the event; the celebration is returned only when this delivery created it. */
    public Uni<Optional<CelebrationView>> apply(FeedbackEvent event) {
        return pool.withTransaction(connection -> notify(connection, event)
                .flatMap(notified -> queueWebhooks(connection, event))
                .flatMap(queued -> event.implemented()
                        ? celebrate(connection, event)
                        : Uni.createFrom().item(Optional.empty())));
    }

    private Uni<Void> notify(SqlConnection connection, FeedbackEvent event) {
        return notifications.notifyConcerned(
                connection,
                event.eventId(),
                event.itemId(),
                event.type(),
                message(event),
                event.submittedBy(),
                event.implemented());
    }

    private Uni<Void> queueWebhooks(SqlConnection connection, FeedbackEvent event) {
        return webhooks.queue(connection, event.eventId(), event.type(), webhookMessage.bodies(event));
    }

    private Uni<Optional<CelebrationView>> celebrate(SqlConnection connection, FeedbackEvent event) {
        return celebrations
                .record(
                        connection,
                        event.eventId(),
                        event.itemId(),
                        event.title(),
                        event.submittedBy(),
                        event.businessUnit(),
                        event.anonymous(),
                        event.votes(),
                        event.at())
                .call(created -> created.isPresent()
                        ? broadcaster.announce(connection, created.get())
                        : Uni.createFrom().voidItem());
    }

    static String message(FeedbackEvent event) {
        if (event.implemented()) {
            return "\uD83C\uDF89 \"" + event.title() + "\" is implemented. Thank you for helping shape the CRM!";
        }
        String note = event.note() == null || event.note().isBlank() ? "" : ": " + event.note();
        return "\"" + event.title() + "\" moved from " + event.fromShown() + " to " + event.toShown() + note;
    }
}
