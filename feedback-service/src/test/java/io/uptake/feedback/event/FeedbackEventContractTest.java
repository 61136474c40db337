package io.uptake.feedback.event;

import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.uptake.feedback.item.Kind;
import io.uptake.feedback.item.Status;
import io.uptake.feedback.support.Items;
import io.uptake.testsupport.EventContracts;
import io.uptake.testsupport.TopicReader;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** What feedback-service publishes on uptake.feedback-events holds to docs/events/uptake.feedback-events.schema.json. */
@QuarkusTest
class FeedbackEventContractTest {

    @Test
    void everyMoveOfTheWorkflowIsPublishedAsTheContractSays() {
        String admin = accessToken("adam");
        String implementedTitle = "Contract " + UUID.randomUUID();
        String declinedTitle = "Contract " + UUID.randomUUID();
        long implemented = Items.submit(accessToken("alice"), implementedTitle);
        String answeredTitle = "Contract question " + UUID.randomUUID();
        long declined = Items.submit(accessToken("alice"), declinedTitle);
        long answered = Items.submit(accessToken("alice"), Kind.QUESTION, answeredTitle);
        Items.advanceTo(admin, implemented, Status.IMPLEMENTED);
        Items.move(admin, declined, Status.DECLINED, "Not for now: \"quotes\", <tags> & unicode ✓");
        Items.move(admin, answered, Status.ANSWERED, "Yes: Reports, then Export");

        List<ConsumerRecord<String, String>> published = TopicReader.awaitContaining(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConfigProvider.getConfig().getValue("uptake.topics.feedback-events", String.class),
                // with the title: the test database starts empty each run (ids start again), the topic does not
                "\"itemId\":" + implemented + ",\"title\":\"" + implementedTitle + "\"",
                // and until the last move of the implemented item is there (its earlier moves come before it)
                "\"type\":\"feedback.implemented\",\"itemId\":" + implemented + ",\"title\":\"" + implementedTitle
                        + "\"",
                "\"itemId\":" + declined + ",\"title\":\"" + declinedTitle + "\"",
                "\"itemId\":" + answered + ",\"title\":\"" + answeredTitle + "\"");

        assertThat(published)
                .extracting(ConsumerRecord::key)
                .containsOnly(Long.toString(implemented), Long.toString(declined), Long.toString(answered));
        published.forEach(record -> EventContracts.assertHolds("uptake.feedback-events", record.value()));
        assertThat(published).anyMatch(record -> record.value().contains("\"type\":\"feedback.implemented\""));
        assertThat(published)
                .anyMatch(record -> record.value().contains("\"type\":\"feedback.status-changed\"")
                        && record.value().contains("\"to\":\"ANSWERED\""));
    }
}
