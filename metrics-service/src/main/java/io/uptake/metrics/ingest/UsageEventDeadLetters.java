package io.uptake.metrics.ingest;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.uptake.platform.api.Json;
import io.uptake.platform.messaging.DeadLetterTopic;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** The dead-letter topic of the (batched) usage-event channel: {@code <topic>.dead-letter}, see {@link DeadLetterTopic}. */
@ApplicationScoped
public class UsageEventDeadLetters {

    private final DeadLetterTopic topic;
    private final Json json;

    public UsageEventDeadLetters(@Channel("usage-events-dead-letter") MutinyEmitter<byte[]> out, Json json) {
        this.topic = new DeadLetterTopic(out);
        this.json = json;
    }

    DeadLetterTopic topic() {
        return topic;
    }

    /** An event as JSON, for the dead letter of an event that was read but refused. */
    byte[] json(UsageEvent event) {
        try {
            return json.write(event).getBytes(StandardCharsets.UTF_8);
        } catch (IllegalStateException cannotHappen) {
            return String.valueOf(event).getBytes(StandardCharsets.UTF_8);
        }
    }
}
