package io.uptake.metrics.mapping;

import java.time.OffsetDateTime;

/** A name that arrived with no mapping and no catalogue action of its own: counted, so that it can be mapped. */
public record UnmappedEvent(String name, long events, OffsetDateTime firstSeen, OffsetDateTime lastSeen) {}
