package io.uptake.testsupport;

import static org.awaitility.Awaitility.await;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** In every service's tests (channels {@code probe-out}, {@code probe-in} on a test topic): sends through an emitter and records what the {@code @Incoming} consumer gets back from Kafka. */
@ApplicationScoped
public class KafkaProbe {

    private final Emitter<String> out;
    private final Set<String> received = ConcurrentHashMap.newKeySet();

    public KafkaProbe(@Channel("probe-out") Emitter<String> out) {
        this.out = out;
    }

    public void send(String payload) {
        out.send(payload).toCompletableFuture().join();
    }

    @Incoming("probe-in")
    void receive(String payload) {
        received.add(payload);
    }

    public boolean hasReceived(String payload) {
        return received.contains(payload);
    }

    /** Sends a fresh payload through the broker and waits until the consumer has it back; fails after a minute. */
    public void roundTrip() {
        String payload = "probe-" + UUID.randomUUID();
        if (hasReceived(payload)) {
            throw new IllegalStateException("received " + payload + " before sending it");
        }
        send(payload);
        await("the probe's record back from Kafka")
                .atMost(Duration.ofSeconds(60))
                .until(() -> hasReceived(payload));
    }
}
