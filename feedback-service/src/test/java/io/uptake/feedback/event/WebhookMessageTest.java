package io.uptake.feedback.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.uptake.feedback.webhook.WebhookFormat;
import io.uptake.platform.api.Json;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookMessageTest {

    private static final String HOSTILE =
            "<!channel> read <https://evil.example|the docs> or [this](https://evil.example)";

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private final WebhookMessage message =
            new WebhookMessage(new Json(json), "https://uptake.example.com/api/feedback");
    private final FeedbackEvent implemented = new FeedbackEvent(
            UUID.randomUUID(),
            FeedbackEvent.IMPLEMENTED,
            42,
            HOSTILE,
            "IN_PROGRESS",
            "IMPLEMENTED",
            null,
            "adam",
            "alice <@U123>",
            "Sales EMEA",
            3,
            OffsetDateTime.parse("2026-12-01T10:00:00Z"),
            false,
            null,
            null);

    @Test
    void slackGetsBlockKitWithTheTitleEscapedAndTheLinkAsAButton() throws Exception {
        JsonNode body = json.readTree(message.body(implemented, WebhookFormat.SLACK));
        String text = body.at("/blocks/0/text/text").asText();
        assertThat(body.at("/blocks/0/text/type").asText()).isEqualTo("mrkdwn");
        assertThat(text)
                .contains("&lt;!channel&gt;")
                .contains("alice &lt;@U123&gt;")
                .doesNotContain("<");
        assertThat(body.at("/blocks/1/elements/0/url").asText())
                .isEqualTo("https://uptake.example.com/api/feedback/items/42");
        assertThat(body.get("text").asText()).isEqualTo(text);
    }

    @Test
    void teamsGetsAnAdaptiveCardWithTheTitleEscaped() throws Exception {
        JsonNode body = json.readTree(message.body(implemented, WebhookFormat.TEAMS));
        JsonNode card = body.at("/attachments/0/content");
        assertThat(body.at("/attachments/0/contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.at("/body/0/text").asText())
                .contains("\\[this\\]\\(https://evil\\.example\\)")
                .contains("&lt;\\!channel&gt;");
        assertThat(card.at("/actions/0/url").asText()).endsWith("/items/42");
    }

    @Test
    void genericCarriesPlainTextAndTheWholeEvent() throws Exception {
        JsonNode body = json.readTree(message.body(implemented, WebhookFormat.GENERIC));
        assertThat(body.get("text").asText()).contains(HOSTILE).endsWith("/items/42");
        assertThat(body.at("/event/itemId").asLong()).isEqualTo(42);
        assertThat(message.bodies(implemented)).containsOnlyKeys(WebhookFormat.values());
    }

    @Test
    void anAnonymousItemIsCelebratedWithoutItsSubmitterInEveryFormat() throws Exception {
        FeedbackEvent anonymous = new FeedbackEvent(
                UUID.randomUUID(),
                FeedbackEvent.IMPLEMENTED,
                43,
                "Quiet idea",
                "IN_PROGRESS",
                "IMPLEMENTED",
                null,
                "adam",
                null,
                null,
                2,
                OffsetDateTime.parse("2026-12-01T10:00:00Z"),
                true,
                "Being built",
                "Shipped");
        for (WebhookFormat format : WebhookFormat.values()) {
            assertThat(message.body(anonymous, format))
                    .contains("suggested anonymously")
                    .doesNotContain("suggested by");
        }
        JsonNode generic = json.readTree(message.body(anonymous, WebhookFormat.GENERIC));
        assertThat(generic.at("/event/anonymous").asBoolean()).isTrue();
        assertThat(generic.at("/event/submittedBy").isNull()).isTrue();
    }

    @Test
    void aMoveReadsWithTheStatusesLabels() throws Exception {
        FeedbackEvent moved = new FeedbackEvent(
                UUID.randomUUID(),
                FeedbackEvent.STATUS_CHANGED,
                44,
                "Labelled",
                "UNDER_REVIEW",
                "PLANNED",
                null,
                "adam",
                "alice",
                null,
                0,
                OffsetDateTime.parse("2026-12-01T10:00:00Z"),
                false,
                "Being looked at",
                "On the <roadmap>");
        assertThat(json.readTree(message.body(moved, WebhookFormat.GENERIC))
                        .get("text")
                        .asText())
                .startsWith("Feedback Labelled moved from Being looked at to On the <roadmap>.");
        assertThat(json.readTree(message.body(moved, WebhookFormat.SLACK))
                        .get("text")
                        .asText())
                .contains("to On the &lt;roadmap&gt;.");
    }
}
