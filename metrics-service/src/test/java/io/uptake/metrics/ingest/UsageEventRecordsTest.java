package io.uptake.metrics.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The records of uptake.usage-events: arrays of one partition's events, and the single events written before. */
class UsageEventRecordsTest {

    private final UsageEventDeserializer deserializer = new UsageEventDeserializer();

    @Test
    void anArrayAndASingleEventAreBothRead() {
        UUID first = UUID.randomUUID();
        String event =
                "{\"eventId\":\"%s\",\"userId\":\"ann\",\"action\":\"login\",\"occurredAt\":\"2026-11-30T09:00:00Z\",\"objectType\":null,\"source\":\"web\"}";
        List<UsageEvent> array = deserializer.deserialize(
                "t",
                ("[" + event.formatted(first) + "," + event.formatted(UUID.randomUUID()) + "]")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(array).hasSize(2);
        assertThat(array.getFirst().eventId()).isEqualTo(first);
        assertThat(array.getFirst().occurredAt()).isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
        assertThat(deserializer.deserialize("t", event.formatted(first).getBytes(StandardCharsets.UTF_8)))
                .containsExactly(
                        new UsageEvent(first, "ann", "login", Instant.parse("2026-11-30T09:00:00Z"), null, "web"));
        assertThatThrownBy(() -> deserializer.deserialize("t", "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void aPersonGoesToThePartitionKafkaWouldChooseForTheUserIdAsKey() {
        for (String user : List.of("ann", "bench-42", "ünïcødé", "x".repeat(100))) {
            for (int partitions : new int[] {1, 3, 12}) {
                assertThat(UsageEventPublisher.partitionOf(user, partitions))
                        .isEqualTo(
                                BuiltInPartitioner.partitionForKey(user.getBytes(StandardCharsets.UTF_8), partitions));
            }
        }
    }
}
