package io.uptake.training.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Test-only: publishes what metrics-service would, on the real test twins of {@code uptake.people}, {@code uptake.adoption-shortfalls} and {@code uptake.follow-up-actions}. */
@ApplicationScoped
public class UpstreamProbe {

    private final MutinyEmitter<String> people;
    private final MutinyEmitter<String> shortfalls;
    private final MutinyEmitter<String> followUps;

    public UpstreamProbe(
            @Channel("people-probe-out") MutinyEmitter<String> people,
            @Channel("shortfalls-probe-out") MutinyEmitter<String> shortfalls,
            @Channel("follow-ups-probe-out") MutinyEmitter<String> followUps) {
        this.people = people;
        this.shortfalls = shortfalls;
        this.followUps = followUps;
    }

    public void followUp(String userId, String json) {
        send(followUps, userId, json);
    }

    public void person(String userId, String json) {
        send(people, userId, json);
    }

    public void shortfall(String userId, String json) {
        send(shortfalls, userId, json);
    }

    private static void send(MutinyEmitter<String> emitter, String key, String json) {
        emitter.sendMessage(Message.of(json)
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                                .withKey(key)
                                .build()))
                .await()
                .atMost(Duration.ofSeconds(30));
    }
}
