package io.uptake.metrics.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.messaging.DeadLetterTopic.DeadLetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Applies usage events from Kafka to PostgreSQL in batches. The batch is acknowledged (its offsets
 * committed) only after the database has it; until then a failing database is retried with back-off,
 * which also holds back the partition. Kafka may deliver a batch again after a crash: the store
 * deduplicates by event id, so every event counts exactly once. What can never be applied goes to the
 * dead-letter topic with its reason ({@link ConsumerFailures}): a record that is not events, and an
 * event PostgreSQL refuses (found by applying that batch event by event), and the partition moves on.
 *
 * <p>A poll holds records of several partitions; each partition's events are applied in a statement of their own, at
 * the same time as the others' (a person's events share a partition, so their rows are never the same), and the poll
 * is acknowledged once all of them are applied. So one consumer keeps several PostgreSQL cores busy without the
 * group's rebalances that more consumers would bring to every start and stop.
 */
@ApplicationScoped
public class UsageEventConsumer {

    private final UsageEventStore store;
    private final EventRetention retention;
    private final UsageEventDeadLetters deadLetters;
    private final Counter applied;

    public UsageEventConsumer(
            UsageEventStore store,
            EventRetention retention,
            UsageEventDeadLetters deadLetters,
            MeterRegistry registry) {
        this.store = store;
        this.retention = retention;
        this.deadLetters = deadLetters;
        this.applied = Counter.builder("uptake.usage.events.applied")
                .description(
                        "Usage events taken from Kafka and applied to the aggregates (or refused by PostgreSQL and"
                                + " dead-lettered); an event delivered again counts again, although the aggregates count it once")
                .register(registry);
    }

    @Incoming("usage-events-in")
    public Uni<Void> apply(ConsumerRecords<String, List<UsageEvent>> records) {
        Map<Integer, List<UsageEvent>> byPartition = new TreeMap<>();
        List<DeadLetter> unreadable = new ArrayList<>();
        for (ConsumerRecord<String, List<UsageEvent>> record : records) {
            if (record.value() != null) {
                for (UsageEvent event : record.value()) {
                    if (complete(event)) {
                        byPartition
                                .computeIfAbsent(record.partition(), partition -> new ArrayList<>())
                                .add(event);
                    } else if (event != null) {
                        unreadable.add(new DeadLetter(
                                record.key(),
                                deadLetters.json(event),
                                "not a usage event: eventId, userId, action and occurredAt are required"));
                    }
                }
            } else if (record.headers().lastHeader("deserialization-failure-reason") != null) {
                unreadable.add(new DeadLetter(
                        record.key(),
                        rawValue(record),
                        "not usage events: " + text(record.headers().lastHeader("deserialization-failure-reason"))));
            }
        }
        if (!unreadable.isEmpty()) {
            Log.errorf("%d usage-event records that are not events go to the dead-letter topic", unreadable.size());
        }
        int events = byPartition.values().stream().mapToInt(List::size).sum();
        return deadLetters
                .topic()
                .send(unreadable)
                .chain(() -> applySideBySide(byPartition.values()))
                .invoke(() -> applied.increment(events));
    }

    private Uni<Void> applySideBySide(Collection<List<UsageEvent>> partitions) {
        if (partitions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // every partition's statement ends before the poll is acknowledged or failed, so none outlives it
        return Uni.join()
                .all(partitions.stream().map(this::apply).toList())
                .andCollectFailures()
                .replaceWithVoid();
    }

    private Uni<Void> apply(List<UsageEvent> events) {
        return deadLetters
                .topic()
                .applyOrDeadLetter(
                        "usage events",
                        events,
                        batch -> store.apply(batch, retention.oldestDay()),
                        (event, reason) -> new DeadLetter(event.userId(), deadLetters.json(event), reason));
    }

    private static boolean complete(UsageEvent event) {
        return event != null
                && event.eventId() != null
                && event.userId() != null
                && event.action() != null
                && event.occurredAt() != null;
    }

    private static byte[] rawValue(ConsumerRecord<String, ?> record) {
        Header data = record.headers().lastHeader("deserialization-failure-value-data");
        if (data == null) {
            data = record.headers().lastHeader("deserialization-failure-data");
        }
        return data == null ? new byte[0] : data.value();
    }

    private static String text(Header header) {
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
