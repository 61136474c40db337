package io.uptake.metrics.mapping;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.cache.FreshCopy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The event mappings, kept in memory so that translating a Segment batch or an EventLogFile costs no query. A change
 * made through this replica is seen at once, one made by another replica within {@link #FRESHNESS}.
 */
@ApplicationScoped
public class KnownMappings {

    static final Duration FRESHNESS = Duration.ofSeconds(30);

    private final FreshCopy<Map<String, String>> mappings;

    public KnownMappings(EventMappingStore store) {
        this.mappings = new FreshCopy<>(store::all, FRESHNESS, Clock.systemUTC());
    }

    /** Every mapping, name to action. */
    public Uni<Map<String, String>> all() {
        return mappings.get();
    }

    void forget() {
        mappings.forget();
    }
}
