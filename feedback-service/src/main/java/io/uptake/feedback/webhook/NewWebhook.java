package io.uptake.feedback.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What an admin sends to register a webhook. The secret is kept to sign deliveries and never shown again. */
public record NewWebhook(
        @NotBlank
        @Size(max = 2000)
        @Pattern(regexp = "https?://[^\\s/?#]+[^\\s]*", message = "must be an absolute http or https URL")
        String url,

        @NotBlank @Size(min = 16, max = 200, message = "must be 16 to 200 characters")
        String secret,

        @NotEmpty @Size(max = 10)
        List<
                        @NotNull
                        @Pattern(
                                regexp = "feedback\\.(implemented|status-changed)",
                                message = "must be feedback.implemented or feedback.status-changed")
                        String>
                events) {}
