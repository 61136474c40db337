package io.uptake.feedback.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uptake.feedback.webhook.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body posted to webhooks: {@code text} is what Slack and Microsoft Teams incoming webhooks
 * show; {@code event} carries the full fact for receivers that read it.
 */
@ApplicationScoped
public class WebhookMessage {

    private final ObjectMapper json;
    private final WebhookConfig config;

    public WebhookMessage(ObjectMapper json, WebhookConfig config) {
        this.json = json;
        this.config = config;
    }

    public String body(FeedbackEvent event) {
        String link = config.publicBaseUrl() + "/items/" + event.itemId();
        String text = event.implemented()
                ? "\uD83C\uDF89 Implemented: *" + event.title() + "*, suggested by " + event.submittedBy()
                        + " and wanted by " + event.votes() + " " + (event.votes() == 1 ? "person" : "people") + ". "
                        + link
                : "Feedback *" + event.title() + "* moved from " + event.from() + " to " + event.to() + ". " + link;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.put("event", event);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
