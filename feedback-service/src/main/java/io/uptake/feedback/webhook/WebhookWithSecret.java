package io.uptake.feedback.webhook;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.OffsetDateTime;

/**
 * A webhook and its new secret ({@code whsec_…}), shown this once: on registration and on rotation.
 * {@code previousSecretValidUntil} is when the secret before a rotation stops signing (null on registration).
 */
public record WebhookWithSecret(
        @JsonUnwrapped WebhookView webhook, String secret, OffsetDateTime previousSecretValidUntil) {}
