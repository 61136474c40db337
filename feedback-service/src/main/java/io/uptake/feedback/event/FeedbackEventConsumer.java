package io.uptake.feedback.event;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.uptake.feedback.webhook.WebhookDispatcher;
import io.uptake.platform.api.Json;
import io.uptake.platform.messaging.ConsumerFailures;
import io.uptake.platform.messaging.RecordHandling;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns feedback events from Kafka into notifications, celebrations and webhook deliveries. The
 * offset is committed only after the database has the result; a failing database is retried with
 * back-off, and a record that can never be applied goes to the dead-letter topic with its reason
 * ({@link ConsumerFailures}). A celebration goes out on the live stream only from the delivery that created it.
 */
@ApplicationScoped
public class FeedbackEventConsumer {

    private final Json json;
    private final FanOut fanOut;
    private final WebhookDispatcher webhooks;
    private final RecordHandling handling = new RecordHandling(FeedbackEventConsumer.class);

    public FeedbackEventConsumer(Json json, FanOut fanOut, WebhookDispatcher webhooks) {
        this.json = json;
        this.fanOut = fanOut;
        this.webhooks = webhooks;
    }

    @Incoming("feedback-events-in")
    public Uni<Void> consume(String payload) {
        return handling.handle(
                        () -> read(payload),
                        event -> "Could not apply feedback event " + event.eventId(),
                        fanOut::apply)
                .invoke(webhooks::runSoon)
                .replaceWithVoid();
    }

    /** The event, or {@link ConsumerFailures.UnusableRecord} (logged) when it can never be applied. */
    private FeedbackEvent read(String payload) {
        FeedbackEvent event;
        try {
            event = json.read(payload, FeedbackEvent.class);
        } catch (RuntimeException failure) {
            // Json wraps the parser's failure: the reason names the parser's own, as it always has
            Throwable unreadable = failure instanceof IllegalStateException && failure.getCause() != null
                    ? failure.getCause()
                    : failure;
            Log.errorf(
                    "A feedback event that is not readable goes to the dead-letter topic: %s", unreadable.getMessage());
            throw new ConsumerFailures.UnusableRecord("not a feedback event", unreadable);
        }
        if (event.eventId() == null
                || event.type() == null
                || event.itemId() <= 0
                || (event.submittedBy() == null && !event.anonymous())
                || event.to() == null) {
            Log.errorf(
                    "A feedback event without eventId, type, itemId, submittedBy (unless anonymous) or to goes to the dead-letter topic: %s",
                    payload);
            throw new ConsumerFailures.UnusableRecord(
                    "a feedback event needs eventId, type, itemId, submittedBy (unless anonymous) and to");
        }
        return event;
    }
}
