package io.uptake.feedback.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.uptake.feedback.celebration.CelebrationView;
import io.uptake.feedback.webhook.WebhookFormat;
import io.uptake.platform.api.Json;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DigestMessageTest {

    private static final String HOSTILE = "<!channel> see [this](https://evil.example) *now*";

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private final DigestMessage message = new DigestMessage(new Json(json));
    private final String value = """
            {"eventId":"%s","type":"digest.weekly","recipient":"mark","role":"manager","businessUnit":"Sales <EMEA>",
             "weekStart":"2026-11-30","weekEnd":"2026-12-06","text":"Adoption: 12 of 20\\n%s",
             "manager":{"activePeople":12,"newShortfalls":2,"shortfallPeople":["alice"]},"employee":null,
             "occurredAt":"2026-12-07T06:00:00Z","addedLater":"kept"}""".formatted(UUID.randomUUID(), HOSTILE);

    @Test
    void theInboxHasTheTextAndALinePerCelebrationAnonymousOnesMarked() throws Exception {
        Digest digest = json.readValue(value, Digest.class);
        String inbox = DigestMessage.inbox(
                digest,
                List.of(
                        celebration("Faster quotes", false, "2026-12-01T10:00:00Z"),
                        celebration("Shorter forms", true, "2026-12-03T16:30:00Z")));
        assertThat(inbox.split("\n"))
                .containsExactly(
                        "Adoption: 12 of 20",
                        HOSTILE,
                        "\uD83C\uDF89 Your idea \"Faster quotes\" was implemented on 2026-12-01. Thank you!",
                        "\uD83C\uDF89 Your idea \"Shorter forms\" (suggested anonymously) was implemented on 2026-12-03. Thank you!");
        assertThat(DigestMessage.inbox(digest, List.of())).isEqualTo("Adoption: 12 of 20\n" + HOSTILE);
    }

    @Test
    void channelsGetTheUnitsFiguresAndNeverThePeopleNamed() throws Exception {
        Digest digest = json.readValue(value, Digest.class);
        JsonNode body = json.readTree(message.body(digest, json.readTree(value), WebhookFormat.GENERIC));
        assertThat(body.get("text").asText()).isEqualTo("Active people: 12\nNew shortfalls: 2");
        JsonNode event = body.get("event");
        assertThat(event.has("recipient")).isFalse();
        assertThat(event.get("text").asText()).isEqualTo("Active people: 12\nNew shortfalls: 2");
        assertThat(event.at("/manager/newShortfalls").asInt()).isEqualTo(2);
        assertThat(event.at("/manager").has("shortfallPeople")).isFalse();
        assertThat(event.get("addedLater").asText()).isEqualTo("kept");
        for (WebhookFormat format : WebhookFormat.values()) {
            assertThat(message.body(digest, json.readTree(value), format))
                    .as(format.name())
                    .doesNotContain("alice")
                    .doesNotContain("mark")
                    .doesNotContain("channel");
        }
    }

    @Test
    void slackGetsTheFiguresEscapedInOneSection() throws Exception {
        Digest digest = json.readValue(value, Digest.class);
        JsonNode body = json.readTree(message.body(digest, json.readTree(value), WebhookFormat.SLACK));
        String text = body.at("/blocks/0/text/text").asText();
        assertThat(body.at("/blocks/0/text/type").asText()).isEqualTo("mrkdwn");
        assertThat(text)
                .isEqualTo(
                        "*Weekly digest for Sales &lt;EMEA&gt;, 2026-11-30 to 2026-12-06*\nActive people: 12\nNew shortfalls: 2");
        assertThat(body.get("text").asText()).isEqualTo(text);
    }

    @Test
    void teamsGetsAnAdaptiveCardWithATextBlockPerLineEscaped() throws Exception {
        Digest digest = json.readValue(value, Digest.class);
        JsonNode body = json.readTree(message.body(digest, json.readTree(value), WebhookFormat.TEAMS));
        JsonNode card = body.at("/attachments/0/content");
        assertThat(body.at("/attachments/0/contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.get("body")).hasSize(3);
        assertThat(card.at("/body/0/text").asText())
                .isEqualTo("Weekly digest for Sales &lt;EMEA&gt;, 2026\\-11\\-30 to 2026\\-12\\-06");
        assertThat(card.at("/body/1/text").asText()).isEqualTo("Active people: 12");
        assertThat(card.at("/body/2/text").asText()).isEqualTo("New shortfalls: 2");
    }

    @Test
    void aDigestNeedsEventIdRecipientWeekStartAndAKnownRole() throws Exception {
        assertThat(json.readValue(value, Digest.class).unusableBecause()).isNull();
        for (String missing : List.of("eventId", "recipient", "weekStart", "role")) {
            String without = value.replaceFirst("\"" + missing + "\":\"[^\"]*\",", "");
            assertThat(json.readValue(without, Digest.class).unusableBecause())
                    .as("without " + missing)
                    .isEqualTo("a digest needs eventId, recipient, weekStart and role");
        }
        assertThat(json.readValue(value.replace("\"manager\",", "\"boss\","), Digest.class)
                        .unusableBecause())
                .contains("role is manager or employee");
        assertThat(json.readValue(value.replace("2026-12-06", "2026-11-29"), Digest.class)
                        .unusableBecause())
                .contains("weekEnd");
    }

    @Test
    void theWeekRunsFromMondayMidnightToTheMidnightAfterSundayInUtc() throws Exception {
        Digest digest = json.readValue(value, Digest.class);
        assertThat(digest.from()).isEqualTo(OffsetDateTime.parse("2026-11-30T00:00:00Z"));
        assertThat(digest.until()).isEqualTo(OffsetDateTime.parse("2026-12-07T00:00:00Z"));
        assertThat(new Digest(
                                null,
                                null,
                                "x",
                                "employee",
                                null,
                                LocalDate.parse("2026-11-30"),
                                null,
                                null,
                                null,
                                null,
                                null)
                        .until())
                .isEqualTo(OffsetDateTime.parse("2026-12-07T00:00:00Z"));
        assertThat(digest.forManager()).isTrue();
    }

    private static CelebrationView celebration(String title, boolean anonymous, String at) {
        return new CelebrationView(
                UUID.randomUUID(), 7, title, "mark", "Mark Meyer", null, anonymous, 3, OffsetDateTime.parse(at));
    }
}
