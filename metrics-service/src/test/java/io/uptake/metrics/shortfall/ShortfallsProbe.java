package io.uptake.metrics.shortfall;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Test-only: what arrives on the (test) shortfalls topic, as training-service will read it. */
@ApplicationScoped
public class ShortfallsProbe {

    private final List<ConsumerRecord<String, String>> received = new CopyOnWriteArrayList<>();

    @Incoming("shortfalls-probe")
    void receive(ConsumerRecord<String, String> record) {
        received.add(record);
    }

    public List<String> valuesFor(String userId) {
        return received.stream().filter(record -> userId.equals(record.key())).map(ConsumerRecord::value).toList();
    }
}
