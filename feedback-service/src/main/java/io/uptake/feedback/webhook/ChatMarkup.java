package io.uptake.feedback.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Employees' text (titles, names) made inert for chat markup, so that a title cannot mention
 * {@code <!channel>}, hide a link behind other words or format the message.
 */
public final class ChatMarkup {

    private ChatMarkup() {}

    /** Slack mrkdwn: {@code & < >} are its control characters, escaped as entities as Slack asks. */
    public static String slack(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Teams Adaptive Card text (a Markdown subset): every Markdown punctuation mark is escaped with a
     * backslash, and angle brackets become entities, so no link, emphasis, list or mention is made.
     */
    public static String teams(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '-', '.', '!', '|', '~' ->
                    escaped.append('\\').append(c);
                case '\r', '\n' -> escaped.append(' ');
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * A Teams message of one Adaptive Card (1.4) with these body elements and actions (none: no actions): the
     * envelope every Teams webhook body shares.
     */
    public static Map<String, Object> teamsCard(List<Map<String, Object>> body, List<Map<String, Object>> actions) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        card.put("body", body);
        if (!actions.isEmpty()) {
            card.put("actions", actions);
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "message");
        message.put(
                "attachments",
                List.of(Map.of("contentType", "application/vnd.microsoft.card.adaptive", "content", card)));
        return message;
    }
}
