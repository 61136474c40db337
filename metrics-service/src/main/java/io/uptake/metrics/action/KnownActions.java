package io.uptake.metrics.action;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
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

    private record Snapshot(Set<String> codes, Instant readAt) {
        boolean fresh() {
            return readAt.plus(FRESHNESS).isAfter(Instant.now());
        }
    }

    private final ActionRepository actions;
    private volatile Snapshot snapshot;

    public KnownActions(ActionRepository actions) {
        this.actions = actions;
    }

    public Uni<Set<String>> codes() {
        Snapshot last = snapshot;
        if (last != null && last.fresh()) {
            return Uni.createFrom().item(last.codes());
        }
        return read().onFailure()
                .recoverWithUni(failure -> last == null
                        ? Uni.createFrom().failure(failure)
                        : Uni.createFrom().item(last.codes()));
    }

    /** Marks the codes stale: the next call reads the catalogue again. */
    public void forget() {
        Snapshot last = snapshot;
        if (last != null) {
            snapshot = new Snapshot(last.codes(), Instant.EPOCH);
        }
    }

    private Uni<Set<String>> read() {
        return actions.codes().invoke(codes -> snapshot = new Snapshot(codes, Instant.now()));
    }
}
