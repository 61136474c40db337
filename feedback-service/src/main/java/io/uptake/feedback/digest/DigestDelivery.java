package io.uptake.feedback.digest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.uptake.feedback.celebration.CelebrationStore;
import io.uptake.feedback.notification.NotificationStore;
import io.uptake.feedback.webhook.WebhookStore;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What one digest turns into, in one transaction: a DIGEST notification in the recipient's inbox with the
 * celebrations of their items that week, and, for a manager's digest, a pending delivery per webhook
 * subscribed to {@code digest.weekly}. Both are keyed by the event id, so a digest delivered again adds nothing.
 */
@ApplicationScoped
public class DigestDelivery {

    /** The notification kind of a digest. */
    public static final String KIND = "DIGEST";

    private final Pool pool;
    private final CelebrationStore celebrations;
    private final NotificationStore notifications;
    private final WebhookStore webhooks;
    private final DigestMessage message;

    public DigestDelivery(
            Pool pool,
            CelebrationStore celebrations,
            NotificationStore notifications,
            WebhookStore webhooks,
            DigestMessage message) {
        this.pool = pool;
        this.celebrations = celebrations;
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.message = message;
    }

    /** Delivers the digest; {@code value} is the record as it came, which generic webhooks receive. */
    public Uni<Void> deliver(Digest digest, JsonNode value) {
        return pool.withTransaction(connection -> notify(connection, digest)
                .call(notified -> digest.forManager()
                        ? webhooks.queue(connection, digest.eventId(), Digest.WEEKLY, message.bodies(digest, value))
                        : Uni.createFrom().voidItem()));
    }

    private Uni<Void> notify(SqlConnection connection, Digest digest) {
        return celebrations
                .ofSubmitter(connection, digest.recipient(), digest.from(), digest.until())
                .flatMap(theirs -> notifications.notifyPerson(
                        connection, digest.eventId(), digest.recipient(), KIND, DigestMessage.inbox(digest, theirs)));
    }
}
