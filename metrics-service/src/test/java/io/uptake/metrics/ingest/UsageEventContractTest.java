package io.uptake.metrics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.uptake.metrics.support.Fixtures;
import io.uptake.testsupport.EventContracts;
import io.uptake.testsupport.TopicReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** What the ingest API publishes on uptake.usage-events holds to docs/events/uptake.usage-events.schema.json. */
@QuarkusTest
class UsageEventContractTest {

    @Test
    void everyAcceptedBatchIsPublishedAsTheContractSays() {
        String first = "contract-" + UUID.randomUUID().toString().substring(0, 12);
        String second = "contract-" + UUID.randomUUID().toString().substring(0, 12);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Fixtures.post(List.of(
                Fixtures.event(first, "record.created", today),
                Fixtures.event(second, "record.updated", today.minusDays(1))));

        List<ConsumerRecord<String, String>> published = TopicReader.awaitContaining(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConfigProvider.getConfig().getValue("uptake.topics.usage-events", String.class),
                "\"userId\":\"" + first + "\"",
                "\"userId\":\"" + second + "\"");

        assertThat(published).isNotEmpty();
        published.forEach(record -> EventContracts.assertHolds("uptake.usage-events", record.value()));
    }
}
