package io.uptake.metrics.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uptake.metrics.segment.SegmentTranslator.Translation;
import io.uptake.metrics.writekey.Sender;
import io.uptake.metrics.writekey.TraitNames;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SegmentTranslatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Sender KEY = sender(true, TraitNames.DEFAULTS);
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private final SegmentTranslator translator = new SegmentTranslator(
            KEY,
            Map.of("Opportunity Updated", "opportunity.updated", "page:/accounts", "record.updated"),
            Set.of("login", "opportunity.updated", "record.updated", "page.viewed"),
            NOW);

    private static Sender sender(boolean identify, TraitNames traits) {
        return new Sender(UUID.randomUUID(), identify, false, traits, Set.of());
    }

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
        Translation unmapped = translator.translate(
                message("{\"messageId\":\"m-3\",\"userId\":\"bob\",\"event\":\"Quote Sent\"}"), "track", null);
        assertThat(unmapped).isInstanceOf(Translation.Unmapped.class);
        Translation.Unmapped quoteSent = (Translation.Unmapped) unmapped;
        assertThat(quoteSent.name()).isEqualTo("Quote Sent");
        // what it would have counted as, kept so that mapping "Quote Sent" later may count it
        assertThat(quoteSent.pending().get("userId").asText()).isEqualTo("bob");
        assertThat(quoteSent.pending().get("action").asText()).isEqualTo("Quote Sent");
        assertThat(quoteSent.pending().get("eventId").asText())
                .isEqualTo(translator.eventId("m-3").toString());
    }

    @Test
    void anAnonymousVisitorIsCountedNowhereButListed() {
        assertThat(translator.translate(
                        message("{\"messageId\":\"m-4\",\"anonymousId\":\"a-1\",\"event\":\"login\"}"), "track", null))
                .isEqualTo(new Translation.Unmapped("(anonymous) login", null));
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
                .extracting(translation -> ((Translation.Unmapped) translation).name())
                .isEqualTo("page:Home");
    }

    @Test
    void inABatchEachMessageNamesItsTypeAndTheBatchSentAtCorrectsTheTimestamp() {
        JsonNode sentAt = JSON.getNodeFactory().textNode("2026-12-06T11:59:00Z");
        JsonNode item = item(translator.translate(message("""
                        {"type":"track","messageId":"b-1","userId":"dan","event":"login","timestamp":"2026-12-06T11:58:00Z"}"""), null, sentAt));
        assertThat(item.get("sentAt").asText()).isEqualTo("2026-12-06T11:59:00Z");
        assertThat(translator.translate(message("{\"type\":\"group\",\"userId\":\"dan\"}"), null, sentAt))
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
        SegmentTranslator otherKey =
                new SegmentTranslator(sender(true, TraitNames.DEFAULTS), Map.of(), Set.of("login"), NOW);
        assertThat(translator.eventId("same")).isEqualTo(translator.eventId("same"));
        assertThat(translator.eventId("same")).isNotEqualTo(translator.eventId("other"));
        assertThat(translator.eventId("same")).isNotEqualTo(otherKey.eventId("same"));
    }

    @Test
    void anIdentifyCarriesTheRosterFieldsOfItsTraitsUnderTheKeysTraitNames() {
        SegmentTranslator ownNames = new SegmentTranslator(
                sender(true, new TraitNames("unit", null, null, null).withDefaults()), Map.of(), Set.of(), NOW);
        Translation translation = ownNames.translate(message("""
                        {"userId": "sam", "traits": {"firstName": "Sam", "lastName": "Segment",
                         "email": "sam@example.com", "unit": "Sales EMEA", "title": "sales-rep",
                         "managerId": "mia", "executive": "false", "department": "ignored", "plan": "pro"}}"""), "identify", null);
        assertThat(translation).isInstanceOf(Translation.Identify.class);
        Translation.Identify identify = (Translation.Identify) translation;
        assertThat(identify.userId()).isEqualTo("sam");
        assertThat(identify.fields())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "displayName", "Sam Segment",
                        "email", "sam@example.com",
                        "businessUnit", "Sales EMEA",
                        "jobRole", "sales-rep",
                        "managerId", "mia",
                        "executive", "false"));
        assertThat(identify.traitOf()).containsEntry("businessUnit", "traits.unit");
    }

    @Test
    void anIdentifyChangesOnlyWhatItCarriesAndNothingFromAKeyWithoutTheRight() {
        Translation.Identify nameOnly = (Translation.Identify) translator.translate(
                message("{\"type\": \"identify\", \"userId\": \"sam\", \"traits\": {\"name\": \"Sam S\"}}"),
                null,
                null);
        assertThat(nameOnly.fields()).containsExactly(Map.entry("displayName", "Sam S"));
        SegmentTranslator eventsOnly =
                new SegmentTranslator(sender(false, TraitNames.DEFAULTS), Map.of(), Set.of(), NOW);
        assertThat(eventsOnly.translate(
                        message("{\"userId\": \"sam\", \"traits\": {\"name\": \"Sam\"}}"), "identify", null))
                .isInstanceOf(Translation.Ignored.class);
        assertThat(translator.translate(message("{\"anonymousId\": \"a1\", \"traits\": {}}"), "identify", null))
                .isInstanceOf(Translation.Ignored.class);
        assertThat(translator.translate(message("{\"userId\": \"sam\", \"traits\": [1]}"), "identify", null))
                .isEqualTo(new Translation.Rejected(java.util.List.of("traits: must be an object")));
    }
}
