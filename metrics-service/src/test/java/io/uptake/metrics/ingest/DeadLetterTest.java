package io.uptake.metrics.ingest;

import static io.uptake.metrics.support.Fixtures.event;
import static io.uptake.metrics.support.Fixtures.post;
import static io.uptake.metrics.support.Fixtures.rollupTotal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.uptake.testsupport.DeadLetters;
import io.uptake.testsupport.RawRecords;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Against the real Kafka: a usage-event record the consumer can never apply (not JSON, an event without its
 * required fields, an event PostgreSQL refuses) lands on the dead-letter topic with the reason, and the
 * next good event on the same partition reaches the rollups.
 */
@QuarkusTest
class DeadLetterTest {

    private final Pool pool;

    DeadLetterTest(Pool pool) {
        this.pool = pool;
    }

    @Test
    void unusableRecordsAreDeadLetteredWithTheReasonAndTheNextGoodEventCounts() {
        String user = "dead-letter-" + UUID.randomUUID().toString().substring(0, 8);
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        String topic = ConfigProvider.getConfig().getValue("uptake.topics.usage-events", String.class);
        String notJson = "not json " + user;
        String incomplete = "{\"userId\":\"" + user + "\"}";
        String tooLong = "x".repeat(150) + user;
        String refused = "[{\"eventId\":\"%s\",\"userId\":\"%s\",\"action\":\"login\",\"occurredAt\":\"%s\"}]"
                .formatted(UUID.randomUUID(), tooLong, Instant.now().minusSeconds(60));
        // the key decides the partition: the good event below comes after these three
        RawRecords.send(bootstrap, topic, user, notJson, incomplete, refused);
        post(List.of(event(user, "login", LocalDate.now(ZoneOffset.UTC))));

        await().atMost(Duration.ofSeconds(60)).until(() -> rollupTotal(pool, user) == 1);

        List<DeadLetters.DeadLetter> dead = DeadLetters.awaitHolding(
                bootstrap, topic + ".dead-letter", notJson, "\"userId\":\"" + user + "\"", tooLong);
        assertThat(dead).extracting(DeadLetters.DeadLetter::key).contains(user);
        assertThat(DeadLetters.reasonFor(dead, notJson)).startsWith("not usage events");
        assertThat(DeadLetters.reasonFor(dead, "\"userId\":\"" + user + "\"")).startsWith("not a usage event");
        assertThat(DeadLetters.reasonFor(dead, tooLong)).startsWith("refused by PostgreSQL");
    }
}
