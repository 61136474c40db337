package io.uptake.metrics.writekey;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A write key as listed: never the key itself, which only its creator sees, once. */
public record WriteKey(
        UUID id,
        String name,
        boolean identify,
        boolean eventLogs,
        TraitNames traits,
        List<String> origins,
        OffsetDateTime createdAt,
        OffsetDateTime lastUsedAt,
        OffsetDateTime revokedAt) {}
