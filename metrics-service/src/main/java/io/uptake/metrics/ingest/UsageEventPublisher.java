package io.uptake.metrics.ingest;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Puts accepted events on {@code uptake.usage-events}, keyed by person; completes only once Kafka has them (acks=all). */
@ApplicationScoped
public class UsageEventPublisher {

    private final MutinyEmitter<UsageEvent> emitter;

    public UsageEventPublisher(
            @Channel("usage-events-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 50_000)
            MutinyEmitter<UsageEvent> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(List<UsageEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends = events.stream()
                .map(event -> emitter.sendMessage(Message.of(event)
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.userId()).build())))
                .toList();
        return Uni.join().all(sends).andCollectFailures().replaceWithVoid();
    }
}
