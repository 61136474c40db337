package io.uptake.feedback.webhook;

import java.util.Locale;

/** What a webhook's receiver reads: plain JSON with a text line, a Slack Block Kit message, or a Teams Adaptive Card. */
public enum WebhookFormat {
    GENERIC,
    SLACK,
    TEAMS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WebhookFormat of(String code) {
        return code == null ? GENERIC : valueOf(code.toUpperCase(Locale.ROOT));
    }
}
