package io.uptake.metrics.writekey;

import java.util.Set;
import java.util.UUID;

/**
 * The live write key a request came with: its id and what it may do besides sending events (update the roster from
 * {@code identify} calls, post Salesforce EventLogFiles, send from pages of its origins).
 */
public record Sender(UUID id, boolean identify, boolean eventLogs, TraitNames traits, Set<String> origins) {

    /** Whether a browser page of this origin may send with this key; a request without an origin is no browser's. */
    public boolean allowsOrigin(String origin) {
        return origin == null || origins.contains(Origins.normalised(origin));
    }
}
