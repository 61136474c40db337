package io.uptake.metrics.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The dead-letter topic of the usage-event channel ({@code <topic>.dead-letter}): a record that could not be
 * read, or an event PostgreSQL refuses, is written there with the reason in a {@code dead-letter-reason}
 * header, the same header the Kafka connector writes for the other services' channels, before the batch
 * that held it is acknowledged. The channel is batched, so the connector's own dead-letter strategy (which
 * would send the whole batch) does not fit it.
 */
@ApplicationScoped
public class UsageEventDeadLetters {

    /** One dead letter: the record's key, its bytes as received (or the event as JSON), and why. */
    public record DeadLetter(String key, byte[] value, String reason) {
    }

    private final MutinyEmitter<byte[]> out;
    private final ObjectMapper json;

    public UsageEventDeadLetters(@Channel("usage-events-dead-letter") MutinyEmitter<byte[]> out, ObjectMapper json) {
        this.out = out;
        this.json = json;
    }

    /** An event as JSON, for the dead letter of an event that was read but refused. */
    byte[] json(UsageEvent event) {
        try {
            return json.writeValueAsBytes(event);
        } catch (JsonProcessingException cannotHappen) {
            return String.valueOf(event).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Writes the letters, one after the other; completes when Kafka has them all. */
    public Uni<Void> send(List<DeadLetter> letters) {
        Uni<Void> sent = Uni.createFrom().voidItem();
        for (DeadLetter letter : letters) {
            RecordHeaders headers = new RecordHeaders();
            headers.add("dead-letter-reason", letter.reason().getBytes(StandardCharsets.UTF_8));
            Message<byte[]> message = Message.of(letter.value())
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(letter.key()).withHeaders(headers).build());
            sent = sent.chain(() -> out.sendMessage(message));
        }
        return sent;
    }
}
