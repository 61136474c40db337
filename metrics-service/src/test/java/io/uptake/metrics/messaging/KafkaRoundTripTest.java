package io.uptake.metrics.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.uptake.testsupport.KafkaProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class KafkaRoundTripTest {

    @Inject
    KafkaProbe probe;

    @Test
    void aMessageSentThroughTheBrokerComesBackToTheConsumer() {
        probe.roundTrip();
    }
}
