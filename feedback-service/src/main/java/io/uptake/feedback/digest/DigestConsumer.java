package io.uptake.feedback.digest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.uptake.feedback.webhook.WebhookDispatcher;
import io.uptake.platform.messaging.ConsumerFailures;
import io.uptake.platform.messaging.RecordHandling;
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
    private final RecordHandling handling = new RecordHandling(DigestConsumer.class);

    public DigestConsumer(ObjectMapper json, DigestDelivery delivery, WebhookDispatcher webhooks) {
        this.json = json;
        this.delivery = delivery;
        this.webhooks = webhooks;
    }

    /** A digest as read, with the JSON it was read from (what delivery stores). */
    private record Received(Digest digest, JsonNode value) {}

    @Incoming("digests-in")
    public Uni<Void> consume(String payload) {
        return handling.handle(
                        () -> read(payload),
                        received ->
                                "Could not deliver digest " + received.digest().eventId(),
                        received -> delivery.deliver(received.digest(), received.value()))
                .invoke(webhooks::runSoon);
    }

    /** The digest, or {@link ConsumerFailures.UnusableRecord} (logged) when it can never be delivered. */
    private Received read(String payload) {
        JsonNode value;
        Digest digest;
        try {
            value = json.readTree(payload);
            digest = value == null || !value.isObject() ? null : json.treeToValue(value, Digest.class);
        } catch (Exception unreadable) {
            Log.errorf("A digest that is not readable goes to the dead-letter topic: %s", unreadable.getMessage());
            throw new ConsumerFailures.UnusableRecord("not a digest", unreadable);
        }
        String unusable = digest == null ? "not a digest: not a JSON object" : digest.unusableBecause();
        if (unusable != null) {
            Log.errorf("A digest that cannot be delivered goes to the dead-letter topic (%s): %s", unusable, payload);
            throw new ConsumerFailures.UnusableRecord(unusable);
        }
        return new Received(digest, value);
    }
}
