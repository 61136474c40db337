package io.uptake.metrics.shortfall;

import io.uptake.testsupport.ContractProbe;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Test-only: what arrives on the (test) shortfalls topic, as training-service will read it. */
@ApplicationScoped
public class ShortfallsProbe extends ContractProbe {

    public ShortfallsProbe() {
        super("uptake.adoption-shortfalls");
    }

    @Incoming("shortfalls-probe")
    void receive(ConsumerRecord<String, String> record) {
        record(record);
    }
}
