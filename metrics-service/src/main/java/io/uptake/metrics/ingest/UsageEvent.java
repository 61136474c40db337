package io.uptake.metrics.ingest;

import java.time.Instant;
import java.util.UUID;

/** One accepted usage event, as it travels on {@code uptake.usage-events} (key: {@code userId}). */
public record UsageEvent(
        UUID eventId, String userId, String action, Instant occurredAt, String objectType, String source) {}
