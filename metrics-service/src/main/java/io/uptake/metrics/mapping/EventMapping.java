package io.uptake.metrics.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * An event name of another tool (a Segment {@code track} name, {@code page:<name>}) and the action it counts as;
 * {@code recounted}: after a mapping asked to recount the past, how many of the name's earlier events it counted.
 */
public record EventMapping(
        String name,
        String action,
        OffsetDateTime updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer recounted) {

    public EventMapping(String name, String action, OffsetDateTime updatedAt) {
        this(name, action, updatedAt, null);
    }

    EventMapping withRecounted(int events) {
        return new EventMapping(name, action, updatedAt, events);
    }
}
