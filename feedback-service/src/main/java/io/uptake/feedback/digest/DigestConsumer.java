package io.uptake.feedback.digest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.uptake.feedback.webhook.WebhookDispatcher;
import io.uptake.platform.messaging.ConsumerFailures;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Delivers the weekly digests metrics-service publishes on {@code uptake.digests}. The offset is committed
 * only after the database has the notification (and webhook jobs); a failing database is retried with
 * back-off, and a record that can never be delivered goes to the dead-letter topic with its reason
 * ({@link ConsumerFailures}).
 */
@ApplicationScoped
public class DigestConsumer {

    private final ObjectMapper json;
    private final DigestDelivery delivery;
    private final WebhookDispatcher webhooks;

    public DigestConsumer(ObjectMapper json, DigestDelivery delivery, WebhookDispatcher webhooks) {
        this.json = json;
        this.delivery = delivery;
        this.webhooks = webhooks;
    }

    @Incoming("digests-in")
    public Uni<Void> consume(String payload) {
        JsonNode value;
        Digest digest;
        try {
            value = json.readTree(payload);
            digest = value == null || !value.isObject() ? null : json.treeToValue(value, Digest.class);
        } catch (Exception unreadable) {
            Log.errorf("A digest that is not readable goes to the dead-letter topic: %s", unreadable.getMessage());
            return Uni.createFrom().failure(new ConsumerFailures.UnusableRecord("not a digest", unreadable));
        }
        String unusable = digest == null ? "not a digest: not a JSON object" : digest.unusableBecause();
        if (unusable != null) {
            Log.errorf("A digest that cannot be delivered goes to the dead-letter topic (%s): %s", unusable, payload);
            return Uni.createFrom().failure(new ConsumerFailures.UnusableRecord(unusable));
        }
        return ConsumerFailures.retryingTransient(Uni.createFrom()
                        .deferred(() -> delivery.deliver(digest, value))
                        .onFailure()
                        .invoke(failure -> Log.warnf(
                                "Could not deliver digest %s%s: %s",
                                digest.eventId(),
                                ConsumerFailures.permanent(failure) ? " (to the dead-letter topic)" : ", retrying",
                                failure.getMessage())))
                .invoke(webhooks::runSoon);
    }
}
