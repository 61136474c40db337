package io.uptake.training.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uptake.testsupport.ContractProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Test-only: what arrives on the real {@code training-test.uptake.training-events} topic. */
@ApplicationScoped
public class TrainingEventsProbe extends ContractProbe {

    /** One record: its key and its value. */
    public record Received(String key, JsonNode value) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    public TrainingEventsProbe() {
        super("uptake.training-events");
    }

    @Incoming("training-events-probe")
    void receive(ConsumerRecord<String, String> record) {
        record(record);
    }

    /** The events of this type about this assignment. */
    public List<Received> about(String assignmentId, String type) {
        return recordsHolding(assignmentId).stream()
                .map(record -> new Received(record.key(), tree(record.value())))
                .filter(event -> event.value().path("type").asText().equals(type)
                        && event.value().path("assignment").path("id").asText().equals(assignmentId))
                .toList();
    }

    private static JsonNode tree(String value) {
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
