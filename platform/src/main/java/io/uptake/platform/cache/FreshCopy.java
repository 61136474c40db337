package io.uptake.platform.cache;

import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A small table kept in memory (the action catalogue, the event mappings), so that a hot path reads no row: read again
 * when older than its freshness or when this replica changed it ({@link #forget}); while the database is away, the
 * last copy read stays in use.
 */
public final class FreshCopy<T> {

    private record Snapshot<T>(T value, Instant readAt) {}

    private final Supplier<Uni<T>> read;
    private final Duration freshness;
    private final Clock clock;
    private volatile Snapshot<T> snapshot;

    public FreshCopy(Supplier<Uni<T>> read, Duration freshness, Clock clock) {
        this.read = read;
        this.freshness = freshness;
        this.clock = clock;
    }

    public Uni<T> get() {
        Snapshot<T> last = snapshot;
        if (last != null && last.readAt().plus(freshness).isAfter(clock.instant())) {
            return Uni.createFrom().item(last.value());
        }
        return read.get()
                .invoke(value -> snapshot = new Snapshot<>(value, clock.instant()))
                .onFailure()
                .recoverWithUni(failure -> last == null
                        ? Uni.createFrom().failure(failure)
                        : Uni.createFrom().item(last.value()));
    }

    /** Marks the copy stale: the next {@link #get} reads it again (or, if that fails, still answers the old one). */
    public void forget() {
        Snapshot<T> last = snapshot;
        if (last != null) {
            snapshot = new Snapshot<>(last.value(), Instant.EPOCH);
        }
    }
}
