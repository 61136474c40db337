package io.uptake.training.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class KafkaRoundTripTest {

    private final KafkaProbe probe;

    KafkaRoundTripTest(KafkaProbe probe) {
        this.probe = probe;
    }

    @Test
    void aMessageSentThroughTheBrokerComesBackToTheConsumer() {
        String payload = "probe-" + UUID.randomUUID();
        assertThat(probe.hasReceived(payload)).isFalse();

        probe.send(payload);

        await().atMost(Duration.ofSeconds(60)).until(() -> probe.hasReceived(payload));
    }
}
