package io.uptake.feedback.event;

import io.uptake.feedback.webhook.ChatMarkup;
import io.uptake.feedback.webhook.WebhookConfig;
import io.uptake.feedback.webhook.WebhookFormat;
import io.uptake.platform.api.Json;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The bodies posted to webhooks, one per format. {@code generic}: {@code text} (plain) and the full
 * {@code event}. {@code slack}: a Block Kit message. {@code teams}: an Adaptive Card. What employees
 * wrote (title, names) is escaped for the chat's markup ({@link ChatMarkup}).
 */
@ApplicationScoped
public class WebhookMessage {

    private final Json json;
    private final String publicBaseUrl;

    @jakarta.inject.Inject
    public WebhookMessage(Json json, WebhookConfig config) {
        this(json, config.publicBaseUrl());
    }

    WebhookMessage(Json json, String publicBaseUrl) {
        this.json = json;
        this.publicBaseUrl = publicBaseUrl;
    }

    public Map<WebhookFormat, String> bodies(FeedbackEvent event) {
        Map<WebhookFormat, String> bodies = new EnumMap<>(WebhookFormat.class);
        for (WebhookFormat format : WebhookFormat.values()) {
            bodies.put(format, body(event, format));
        }
        return bodies;
    }

    public String body(FeedbackEvent event, WebhookFormat format) {
        String link = publicBaseUrl + "/items/" + event.itemId();
        Map<String, Object> body = new LinkedHashMap<>();
        switch (format) {
            case GENERIC -> {
                body.put("text", text(event, UnaryOperator.identity(), "") + " " + link);
                body.put("event", event);
            }
            case SLACK -> {
                String text = text(event, ChatMarkup::slack, "*");
                body.put("text", text);
                body.put(
                        "blocks",
                        List.of(
                                Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", text)),
                                Map.of(
                                        "type",
                                        "actions",
                                        "elements",
                                        List.of(Map.of(
                                                "type",
                                                "button",
                                                "text",
                                                Map.of("type", "plain_text", "text", "Open the item"),
                                                "url",
                                                link)))));
            }
            case TEAMS ->
                body.putAll(ChatMarkup.teamsCard(
                        List.of(Map.of(
                                "type", "TextBlock", "text", text(event, ChatMarkup::teams, "**"), "wrap", true)),
                        List.of(Map.of("type", "Action.OpenUrl", "title", "Open the item", "url", link))));
        }
        return json.write(body);
    }

    /** The sentence, with employees' words escaped by {@code escape} and the title between {@code bold} marks. */
    private static String text(FeedbackEvent event, UnaryOperator<String> escape, String bold) {
        String title = bold + escape.apply(event.title()) + bold;
        return event.implemented()
                ? "\uD83C\uDF89 Implemented: " + title + ", "
                        + (event.anonymous()
                                ? "suggested anonymously"
                                : "suggested by " + escape.apply(event.submittedBy()))
                        + " and wanted by " + event.votes() + " " + (event.votes() == 1 ? "person" : "people") + "."
                : "Feedback " + title + " moved from " + escape.apply(event.fromShown()) + " to "
                        + escape.apply(event.toShown()) + ".";
    }
}
