package io.uptake.metrics.ingest;

import static io.uptake.metrics.support.Fixtures.rollupTotal;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.uptake.testsupport.DeadLetters;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A poll of several partitions, applied a statement per partition side by side: every event counts once, a second
 * delivery of the same poll changes nothing, and an event PostgreSQL refuses in one partition is dead-lettered while
 * the other partitions' events and the rest of its own still count.
 */
@QuarkusTest
class UsageEventConsumerTest {

    private static final Duration APPLIED = Duration.ofSeconds(60);

    private final UsageEventConsumer consumer;
    private final Pool pool;
    private final MeterRegistry registry;

    UsageEventConsumerTest(UsageEventConsumer consumer, Pool pool, MeterRegistry registry) {
        this.consumer = consumer;
        this.pool = pool;
        this.registry = registry;
    }

    @Test
    void eachPartitionIsAppliedOnceAndARefusedEventGoesToTheDeadLetterTopicAlone() {
        String run = "side-by-side-" + UUID.randomUUID().toString().substring(0, 8);
        String tooLong = "x".repeat(150) + run;
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS);
        Map<TopicPartition, List<ConsumerRecord<String, List<UsageEvent>>>> poll = new LinkedHashMap<>();
        for (int partition = 0; partition < 3; partition++) {
            List<ConsumerRecord<String, List<UsageEvent>>> records = new ArrayList<>();
            for (int record = 0; record < 4; record++) {
                String user = run + "-" + partition + "-" + record;
                List<UsageEvent> events = new ArrayList<>();
                for (int i = 0; i < 250; i++) {
                    events.add(new UsageEvent(UUID.randomUUID(), user, "login", at.minusSeconds(i), null, "test"));
                }
                if (partition == 1 && record == 2) {
                    events.add(new UsageEvent(UUID.randomUUID(), tooLong, "login", at, null, "test"));
                }
                records.add(new ConsumerRecord<>("usage", partition, record, user, events));
            }
            poll.put(new TopicPartition("usage", partition), records);
        }
        ConsumerRecords<String, List<UsageEvent>> records = new ConsumerRecords<>(poll, Map.of());
        double appliedBefore = applied();

        consumer.apply(records).await().atMost(APPLIED);
        consumer.apply(records).await().atMost(APPLIED);

        // both deliveries count as applied (the benchmarks watch this counter to see the consumer stop)
        assertThat(applied() - appliedBefore).isGreaterThanOrEqualTo(2 * (3 * 4 * 250 + 1));

        for (int partition = 0; partition < 3; partition++) {
            for (int record = 0; record < 4; record++) {
                assertThat(rollupTotal(pool, run + "-" + partition + "-" + record))
                        .as("partition %d, record %d", partition, record)
                        .isEqualTo(250);
            }
        }
        assertThat(recorded(run)).isEqualTo(3 * 4 * 250);
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        String topic = ConfigProvider.getConfig().getValue("uptake.topics.usage-events", String.class);
        List<DeadLetters.DeadLetter> dead = DeadLetters.awaitHolding(bootstrap, topic + ".dead-letter", tooLong);
        assertThat(DeadLetters.reasonFor(dead, tooLong)).startsWith("refused by PostgreSQL");
    }

    private long recorded(String run) {
        return pool.preparedQuery("select count(*) from usage_event where user_id like $1")
                .execute(Tuple.of(run + "-%"))
                .await()
                .atMost(APPLIED)
                .iterator()
                .next()
                .getLong(0);
    }

    private double applied() {
        return registry.counter("uptake.usage.events.applied").count(); // the same meter the consumer registers
    }
}
