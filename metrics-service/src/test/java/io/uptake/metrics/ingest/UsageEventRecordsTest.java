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
    void instantsInEveryFormJacksonReadsAreStillRead() {
        String event = "{\"eventId\":\"%s\",\"userId\":\"ann\",\"action\":\"login\",\"occurredAt\":%s}";
        UUID id = UUID.randomUUID();
        for (String occurredAt : List.of(
                "\"2026-11-30T09:00:00.250Z\"",
                "\"2026-11-30T10:00:00.25+01:00\"",
                "\"2026-11-30t09:00:00.250z\"",
                "1796029200.250")) {
            byte[] record = ("\uFEFF \n[" + event.formatted(id, occurredAt) + "]").getBytes(StandardCharsets.UTF_8);
            assertThat(deserializer.deserialize("t", record))
                    .as(occurredAt)
                    .singleElement()
                    .extracting(UsageEvent::occurredAt)
                    .isEqualTo(Instant.parse("2026-11-30T09:00:00.250Z"));
        }
        for (String notEvents : List.of("null", "", "[1]", "{\"occurredAt\":\"2026-02-30T09:00:00Z\"}")) {
            assertThatThrownBy(() -> deserializer.deserialize("t", notEvents.getBytes(StandardCharsets.UTF_8)))
                    .as(notEvents)
                    .isInstanceOf(SerializationException.class);
        }
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
