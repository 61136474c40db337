package io.uptake.training.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Test-only: what arrives on the real {@code test.uptake.training-events} topic. */
@ApplicationScoped
public class TrainingEventsProbe {

    /** One record: its key and its value. */
    public record Received(String key, JsonNode value) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    @Incoming("training-events-probe")
    void receive(ConsumerRecord<String, String> record) throws Exception {
        received.add(new Received(record.key(), JSON.readTree(record.value())));
    }

    /** The events of this type about this assignment. */
    public List<Received> about(String assignmentId, String type) {
        return received.stream()
                .filter(event -> event.value().path("type").asText().equals(type)
                        && event.value().path("assignment").path("id").asText().equals(assignmentId))
                .toList();
    }
}
