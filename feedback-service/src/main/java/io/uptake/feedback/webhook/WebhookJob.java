package io.uptake.feedback.webhook;

import java.util.List;
import java.util.UUID;

/** A claimed delivery of one event to one webhook: this attempt's number, where it goes and what signs it. */
record WebhookJob(
        long id,
        long webhookId,
        UUID eventId,
        String payload,
        int attempt,
        String url,
        List<String> secrets,
        boolean active) {}
