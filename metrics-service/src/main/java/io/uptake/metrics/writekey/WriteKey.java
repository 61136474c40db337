package io.uptake.metrics.writekey;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A write key as listed: never the key itself, which only its creator sees, once. */
public record WriteKey(
        UUID id, String name, OffsetDateTime createdAt, OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {}
