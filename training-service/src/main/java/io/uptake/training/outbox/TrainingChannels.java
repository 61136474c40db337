package io.uptake.training.outbox;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.uptake.platform.outbox.Outbox;
import io.uptake.platform.outbox.SingleChannel;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** What training-service publishes through its outbox: the training events on {@code uptake.training-events}. */
@Singleton // no client proxy: it only hands out emitters
public class TrainingChannels extends SingleChannel {

    /** The channel name written in the outbox table. */
    public static final String TRAINING_EVENTS = "training-events";

    public TrainingChannels(
            @Channel("training-events-out")
                    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = Outbox.EMITTER_BUFFER)
                    MutinyEmitter<String> events) {
        super(TRAINING_EVENTS, events);
    }
}
