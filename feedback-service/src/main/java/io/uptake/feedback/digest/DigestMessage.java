package io.uptake.feedback.digest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.feedback.celebration.CelebrationView;
import io.uptake.feedback.webhook.ChatMarkup;
import io.uptake.feedback.webhook.WebhookFormat;
import io.uptake.platform.api.Json;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final Json json;

    public DigestMessage(Json json) {
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
                body.put("text", channelText(digest));
                body.put("event", forChannels(digest, value));
            }
            case SLACK -> {
                String text = "*" + ChatMarkup.slack(title(digest)) + "*\n" + ChatMarkup.slack(channelText(digest));
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
                for (String line : channelText(digest).split("\n")) {
                    if (!line.isBlank()) {
                        blocks.add(Map.of("type", "TextBlock", "text", ChatMarkup.teams(line), "wrap", true));
                    }
                }
                body.putAll(ChatMarkup.teamsCard(blocks, List.of()));
            }
        }
        return json.write(body);
    }

    /** The heading of a chat message: whose week, which week. */
    static String title(Digest digest) {
        String unit = digest.businessUnit() == null ? "" : " for " + digest.businessUnit();
        return "Weekly digest" + unit + ", " + digest.weekStart() + " to "
                + digest.until().toLocalDate().minusDays(1);
    }

    /**
     * What a chat channel is told of a manager's digest: the unit's figures, never the people it names (the
     * inbox text lists who is in shortfall or overdue; a channel may be read by anyone in the organisation).
     */
    static String channelText(Digest digest) {
        JsonNode figures = digest.manager();
        List<String> lines = new ArrayList<>();
        if (figures != null && figures.hasNonNull("activePeople")) {
            lines.add("Active people: " + figures.get("activePeople").asLong()
                    + (figures.hasNonNull("people")
                            ? " of " + figures.get("people").asLong()
                            : "")
                    + (figures.hasNonNull("activePeopleLastWeek")
                            ? " (the week before: "
                                    + figures.get("activePeopleLastWeek").asLong() + ")"
                            : ""));
        }
        if (figures != null && figures.hasNonNull("meetingObjectives")) {
            lines.add("Meeting their objectives: " + percent(figures.get("meetingObjectives"))
                    + (figures.hasNonNull("meetingObjectivesLastWeek")
                            ? " (the week before: " + percent(figures.get("meetingObjectivesLastWeek")) + ")"
                            : ""));
        }
        if (figures != null && figures.hasNonNull("newShortfalls")) {
            lines.add("New shortfalls: " + figures.get("newShortfalls").asLong());
        }
        if (figures != null && figures.hasNonNull("overdueTraining")) {
            lines.add("Overdue training: " + figures.get("overdueTraining").asLong());
        }
        return lines.isEmpty() ? title(digest) : String.join("\n", lines);
    }

    /** The digest as a channel receives it: no recipient, no names, the channel's text. */
    private static JsonNode forChannels(Digest digest, JsonNode value) {
        if (!(value instanceof ObjectNode original)) {
            return value;
        }
        ObjectNode copy = original.deepCopy();
        copy.remove("recipient");
        copy.put("text", channelText(digest));
        if (copy.get("manager") instanceof ObjectNode manager) {
            manager.remove("shortfallPeople");
            manager.remove("overdueTrainingPeople");
        }
        return copy;
    }

    private static String percent(JsonNode share) {
        return Math.round(share.asDouble() * 100) + " %";
    }

    private static String text(Digest digest) {
        return digest.text() == null || digest.text().isBlank() ? title(digest) : digest.text();
    }
}
