package io.uptake.metrics.action;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.cache.FreshCopy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * The codes of the action catalogue, kept in memory so that validating a batch of events costs no
 * query. A change made through this replica is seen at once, one made by another replica within
 * {@link #FRESHNESS}. While the database is away, the last codes read stay in use, so ingestion
 * goes on (Kafka holds the events until the database is back).
 */
@ApplicationScoped
public class KnownActions {

    static final Duration FRESHNESS = Duration.ofSeconds(30);

    private final FreshCopy<Set<String>> codes;

    public KnownActions(ActionRepository actions) {
        this.codes = new FreshCopy<>(actions::codes, FRESHNESS, Clock.systemUTC());
    }

    public Uni<Set<String>> codes() {
        return codes.get();
    }

    /** Marks the codes stale: the next call reads the catalogue again. */
    public void forget() {
        codes.forget();
    }
}
