package io.uptake.feedback.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What an admin sends to register a webhook. The service makes its secret and shows it once, in the
 * answer; {@code format} (default {@code generic}) says what the receiver reads.
 */
public record NewWebhook(
        @NotBlank
        @Size(max = 2000)
        @Pattern(regexp = "https?://[^\\s/?#@]+[^\\s]*", message = "must be an absolute http or https URL")
        String url,

        @NotEmpty @Size(max = 10)
        List<
                        @NotNull
                        @Pattern(
                                regexp = "feedback\\.(implemented|status-changed)|digest\\.weekly",
                                message = "must be feedback.implemented, feedback.status-changed or digest.weekly")
                        String>
                events,

        @Pattern(regexp = "generic|slack|teams", message = "must be generic, slack or teams")
        String format) {

    public WebhookFormat formatOrDefault() {
        return WebhookFormat.of(format);
    }
}
