package io.uptake.metrics.writekey;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The answer to creating a write key: the only time the key is shown. */
public record CreatedWriteKey(
        UUID id,
        String name,
        String key,
        boolean identify,
        boolean eventLogs,
        TraitNames traits,
        List<String> origins,
        OffsetDateTime createdAt) {}
