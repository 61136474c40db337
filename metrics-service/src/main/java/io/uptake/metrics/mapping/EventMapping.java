package io.uptake.metrics.mapping;

import java.time.OffsetDateTime;

/** An event name of another tool (a Segment {@code track} name, {@code page:<name>}) and the action it counts as. */
public record EventMapping(String name, String action, OffsetDateTime updatedAt) {}
