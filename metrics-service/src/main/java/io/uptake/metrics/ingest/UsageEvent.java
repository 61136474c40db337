package io.uptake.metrics.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * One accepted usage event, as it travels on {@code uptake.usage-events} (key: {@code userId}). {@code objectId}
 * (the CRM object the event was about, for the rules of order) is left out of the record when absent.
 */
public record UsageEvent(
        UUID eventId,
        String userId,
        String action,
        Instant occurredAt,
        String objectType,
        String source,
        @JsonInclude(JsonInclude.Include.NON_NULL) String objectId) {

    public UsageEvent(
            UUID eventId, String userId, String action, Instant occurredAt, String objectType, String source) {
        this(eventId, userId, action, occurredAt, objectType, source, null);
    }
}
