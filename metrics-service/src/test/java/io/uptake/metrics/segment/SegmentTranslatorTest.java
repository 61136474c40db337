package io.uptake.metrics.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uptake.metrics.segment.SegmentTranslator.Translation;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SegmentTranslatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID KEY = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private final SegmentTranslator translator = new SegmentTranslator(
            KEY,
            Map.of("Opportunity Updated", "opportunity.updated", "page:/accounts", "record.updated"),
            Set.of("login", "opportunity.updated", "record.updated", "page.viewed"),
            NOW);

    private static JsonNode message(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode item(Translation translation) {
        assertThat(translation).isInstanceOf(Translation.Item.class);
        return ((Translation.Item) translation).item();
    }

    @Test
    void aTrackNamedByACatalogueCodeCountsAsThatActionWithItsTimeAndObject() {
        JsonNode item = item(translator.translate(message("""
                        {"messageId":"m-1","userId":"alice","event":"login","timestamp":"2026-12-06T11:00:00Z",
                         "properties":{"objectId":"006A"},"context":{"device":{"type":"mobile"}}}"""), "track", null));
        assertThat(item.get("userId").asText()).isEqualTo("alice");
        assertThat(item.get("action").asText()).isEqualTo("login");
        assertThat(item.get("occurredAt").asText()).isEqualTo("2026-12-06T11:00:00Z");
        assertThat(item.get("objectId").asText()).isEqualTo("006A");
        assertThat(item.get("source").asText()).isEqualTo("mobile");
        assertThat(item.has("sentAt")).isFalse();
    }

    @Test
    void aMappedNameCountsAsItsActionAndAnUnknownOneIsUnmapped() {
        assertThat(item(translator.translate(
                                message("{\"messageId\":\"m-2\",\"userId\":\"bob\",\"event\":\"Opportunity Updated\"}"),
                                "track",
                                null))
                        .get("action")
                        .asText())
                .isEqualTo("opportunity.updated");
        assertThat(translator.translate(
                        message("{\"messageId\":\"m-3\",\"userId\":\"bob\",\"event\":\"Quote Sent\"}"), "track", null))
                .isEqualTo(new Translation.Unmapped("Quote Sent"));
    }

    @Test
    void anAnonymousVisitorIsCountedNowhereButListed() {
        assertThat(translator.translate(
                        message("{\"messageId\":\"m-4\",\"anonymousId\":\"a-1\",\"event\":\"login\"}"), "track", null))
                .isEqualTo(new Translation.Unmapped("(anonymous) login"));
    }

    @Test
    void aPageCountsAsItsMappedPathElseAsPageViewed() {
        assertThat(item(translator.translate(
                                message(
                                        "{\"messageId\":\"p-1\",\"userId\":\"carol\",\"properties\":{\"path\":\"/accounts\"}}"),
                                "page",
                                null))
                        .get("action")
                        .asText())
                .isEqualTo("record.updated");
        assertThat(item(translator.translate(
                                message("{\"messageId\":\"p-2\",\"userId\":\"carol\",\"name\":\"Home\"}"),
                                "page",
                                null))
                        .get("action")
                        .asText())
                .isEqualTo("page.viewed");
        SegmentTranslator withoutPageViewed = new SegmentTranslator(KEY, Map.of(), Set.of("login"), NOW);
        assertThat(withoutPageViewed.translate(
                        message("{\"messageId\":\"p-3\",\"userId\":\"carol\",\"name\":\"Home\"}"), "page", null))
                .isEqualTo(new Translation.Unmapped("page:Home"));
    }

    @Test
    void inABatchEachMessageNamesItsTypeAndTheBatchSentAtCorrectsTheTimestamp() {
        JsonNode sentAt = JSON.getNodeFactory().textNode("2026-12-06T11:59:00Z");
        JsonNode item = item(translator.translate(message("""
                        {"type":"track","messageId":"b-1","userId":"dan","event":"login","timestamp":"2026-12-06T11:58:00Z"}"""), null, sentAt));
        assertThat(item.get("sentAt").asText()).isEqualTo("2026-12-06T11:59:00Z");
        assertThat(translator.translate(message("{\"type\":\"identify\",\"userId\":\"dan\"}"), null, sentAt))
                .isInstanceOf(Translation.Ignored.class);
        assertThat(translator.translate(message("{\"messageId\":\"b-2\",\"userId\":\"dan\"}"), null, sentAt))
                .isInstanceOf(Translation.Rejected.class);
        assertThat(translator.translate(message("{\"type\":\"shout\",\"messageId\":\"b-3\"}"), null, sentAt))
                .isInstanceOf(Translation.Rejected.class);
    }

    @Test
    void aMessageWithoutAnIdOrLargerThan32KbIsRejected() {
        assertThat(translator.translate(message("{\"userId\":\"erin\",\"event\":\"login\"}"), "track", null))
                .isEqualTo(
                        new Translation.Rejected(java.util.List.of("messageId: is required, at most 200 characters")));
        String big = "x".repeat(SegmentTranslator.MAX_MESSAGE_BYTES);
        assertThat(translator.translate(
                        message(
                                "{\"messageId\":\"m\",\"userId\":\"erin\",\"event\":\"login\",\"properties\":{\"note\":\""
                                        + big + "\"}}"),
                        "track",
                        null))
                .isEqualTo(new Translation.Rejected(java.util.List.of("the message is larger than 32 KB")));
    }

    @Test
    void theSameMessageIdIsTheSameEventForOneKeyAndAnotherForAnotherKey() {
        SegmentTranslator otherKey = new SegmentTranslator(UUID.randomUUID(), Map.of(), Set.of("login"), NOW);
        assertThat(translator.eventId("same")).isEqualTo(translator.eventId("same"));
        assertThat(translator.eventId("same")).isNotEqualTo(translator.eventId("other"));
        assertThat(translator.eventId("same")).isNotEqualTo(otherKey.eventId("same"));
    }
}
