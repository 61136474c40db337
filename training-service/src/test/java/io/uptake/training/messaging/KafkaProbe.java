package io.uptake.training.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Test-only: sends through an emitter and records what the {@code @Incoming} consumer gets back from Kafka. */
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
}
