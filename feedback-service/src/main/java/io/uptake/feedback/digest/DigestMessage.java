package io.uptake.feedback.digest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uptake.feedback.celebration.CelebrationView;
import io.uptake.feedback.webhook.ChatMarkup;
import io.uptake.feedback.webhook.WebhookFormat;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a digest says. In the inbox: metrics-service's text and a line per celebration of the recipient's own
 * items that week. On webhooks (manager digests): the text alone, since a channel must not learn who
 * submitted an anonymous item; {@code generic} carries the digest value as it came, {@code slack} and
 * {@code teams} a chat message with metrics-service's text escaped ({@link ChatMarkup}).
 */
@ApplicationScoped
public class DigestMessage {

    private final ObjectMapper json;

    public DigestMessage(ObjectMapper json) {
        this.json = json;
    }

    /** The inbox message: the digest's text, then one line per celebration. */
    public static String inbox(Digest digest, List<CelebrationView> celebrations) {
        StringBuilder message = new StringBuilder(text(digest));
        for (CelebrationView celebration : celebrations) {
            message.append('\n')
                    .append("\uD83C\uDF89 Your idea \"")
                    .append(celebration.title())
                    .append('"')
                    .append(celebration.anonymous() ? " (suggested anonymously)" : "")
                    .append(" was implemented on ")
                    .append(celebration.implementedAt().toLocalDate())
                    .append(". Thank you!");
        }
        return message.toString();
    }

    /** One body per format; {@code value} is the digest record as it came from Kafka. */
    public Map<WebhookFormat, String> bodies(Digest digest, JsonNode value) {
        Map<WebhookFormat, String> bodies = new EnumMap<>(WebhookFormat.class);
        for (WebhookFormat format : WebhookFormat.values()) {
            bodies.put(format, body(digest, value, format));
        }
        return bodies;
    }

    public String body(Digest digest, JsonNode value, WebhookFormat format) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (format) {
            case GENERIC -> {
                body.put("text", text(digest));
                body.put("event", value);
            }
            case SLACK -> {
                String text = "*" + ChatMarkup.slack(title(digest)) + "*\n" + ChatMarkup.slack(text(digest));
                body.put("text", text);
                body.put("blocks", List.of(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", text))));
            }
            case TEAMS -> {
                List<Map<String, Object>> blocks = new ArrayList<>();
                blocks.add(Map.of(
                        "type",
                        "TextBlock",
                        "text",
                        ChatMarkup.teams(title(digest)),
                        "weight",
                        "Bolder",
                        "wrap",
                        true));
                // one block per line: Teams' Markdown subset would run the lines together
                for (String line : text(digest).split("\n")) {
                    if (!line.isBlank()) {
                        blocks.add(Map.of("type", "TextBlock", "text", ChatMarkup.teams(line), "wrap", true));
                    }
                }
                body.putAll(ChatMarkup.teamsCard(blocks, List.of()));
            }
        }
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** The heading of a chat message: whose week, which week. */
    static String title(Digest digest) {
        String unit = digest.businessUnit() == null ? "" : " for " + digest.businessUnit();
        return "Weekly digest" + unit + ", " + digest.weekStart() + " to "
                + digest.until().toLocalDate().minusDays(1);
    }

    private static String text(Digest digest) {
        return digest.text() == null || digest.text().isBlank() ? title(digest) : digest.text();
    }
}
