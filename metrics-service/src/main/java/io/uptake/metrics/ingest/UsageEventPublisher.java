package io.uptake.metrics.ingest;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Puts accepted events on {@code uptake.usage-events}; completes only once Kafka has them (acks=all).
 * A batch goes as one record per partition, each a JSON array of the events whose person the partition
 * holds (the partition Kafka's default partitioner gives the user id as key), so a person's events still
 * share a partition and one consumer, while the cost of sending and acknowledging is paid per partition
 * rather than per event (it was half of the service's CPU with one record per event).
 */
@ApplicationScoped
public class UsageEventPublisher {

    private static final String CHANNEL = "usage-events-out";

    private final MutinyEmitter<List<UsageEvent>> emitter;
    private final KafkaClientService kafka;
    private final String topic;
    private volatile int partitions;

    public UsageEventPublisher(
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1_000)
                    MutinyEmitter<List<UsageEvent>> emitter,
            KafkaClientService kafka,
            TopicsConfig topics) {
        this.emitter = emitter;
        this.kafka = kafka;
        this.topic = topics.usageEvents();
    }

    public Uni<Void> publish(List<UsageEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return partitions().flatMap(count -> {
            Map<Integer, List<UsageEvent>> byPartition = events.stream()
                    .collect(Collectors.groupingBy(
                            event -> partitionOf(event.userId(), count), TreeMap::new, Collectors.toList()));
            List<Uni<Void>> sends = byPartition.entrySet().stream()
                    .map(part -> emitter.sendMessage(Message.of(part.getValue())
                            .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                                    .withPartition(part.getKey())
                                    .build())))
                    .toList();
            return Uni.join().all(sends).andCollectFailures().replaceWithVoid();
        });
    }

    /** The partition of a person: the one Kafka's default partitioner chooses for the user id as key. */
    static int partitionOf(String userId, int partitions) {
        return Utils.toPositive(Utils.murmur2(userId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The topic's partition count, asked of the producer once (only this service writes the topic). */
    private Uni<Integer> partitions() {
        int known = partitions;
        if (known > 0) {
            return Uni.createFrom().item(known);
        }
        return kafka.<String, List<UsageEvent>>getProducer(CHANNEL)
                .partitionsFor(topic)
                .map(List::size)
                .invoke(count -> partitions = count);
    }
}
