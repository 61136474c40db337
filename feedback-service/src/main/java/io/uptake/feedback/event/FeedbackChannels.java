package io.uptake.feedback.event;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.uptake.platform.outbox.Outbox;
import io.uptake.platform.outbox.SingleChannel;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** What feedback-service publishes through its outbox: the feedback events on {@code uptake.feedback-events}. */
@Singleton // no client proxy: it only hands out emitters
public class FeedbackChannels extends SingleChannel {

    /** The channel name written in the outbox table. */
    public static final String FEEDBACK_EVENTS = "feedback-events";

    public FeedbackChannels(
            @Channel("feedback-events-out")
                    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = Outbox.EMITTER_BUFFER)
                    MutinyEmitter<String> events) {
        super(FEEDBACK_EVENTS, events);
    }
}
