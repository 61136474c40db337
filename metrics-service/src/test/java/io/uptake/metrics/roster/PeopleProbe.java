package io.uptake.metrics.roster;

import io.uptake.testsupport.ContractProbe;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Test-only: what arrives on the (test) people topic, as the other services will read it. */
@ApplicationScoped
public class PeopleProbe extends ContractProbe {

    public PeopleProbe() {
        super("uptake.people");
    }

    @Incoming("people-probe")
    void receive(ConsumerRecord<String, String> record) {
        record(record);
    }
}
