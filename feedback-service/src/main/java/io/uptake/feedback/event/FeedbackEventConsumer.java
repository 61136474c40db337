package io.uptake.feedback.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.uptake.feedback.celebration.CelebrationBroadcaster;
import io.uptake.feedback.webhook.WebhookDispatcher;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns feedback events from Kafka into notifications, celebrations and webhook deliveries. The
 * offset is committed only after the database has the result; a failing database is retried with
 * back-off. A celebration goes out on the live stream only from the delivery that created it.
 */
@ApplicationScoped
public class FeedbackEventConsumer {

    private final ObjectMapper json;
    private final FanOut fanOut;
    private final CelebrationBroadcaster broadcaster;
    private final WebhookDispatcher webhooks;

    public FeedbackEventConsumer(ObjectMapper json, FanOut fanOut, CelebrationBroadcaster broadcaster, WebhookDispatcher webhooks) {
        this.json = json;
        this.fanOut = fanOut;
        this.broadcaster = broadcaster;
        this.webhooks = webhooks;
    }

    @Incoming("feedback-events-in")
    public Uni<Void> consume(String payload) {
        FeedbackEvent event;
        try {
            event = json.readValue(payload, FeedbackEvent.class);
        } catch (Exception unreadable) {
            Log.errorf("Skipping a feedback event that is not readable: %s", unreadable.getMessage());
            return Uni.createFrom().voidItem();
        }
        return fanOut.apply(event)
                .onFailure().invoke(failure -> Log.warnf("Could not apply feedback event %s, retrying: %s", event.eventId(), failure.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                .invoke(created -> created.ifPresent(broadcaster::publish))
                .invoke(webhooks::nudge)
                .replaceWithVoid();
    }
}
