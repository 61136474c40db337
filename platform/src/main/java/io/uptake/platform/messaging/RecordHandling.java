package io.uptake.platform.messaging;

import io.smallrye.mutiny.Uni;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * How an unbatched consumer handles one record, the same on every channel ({@link ConsumerFailures}): the
 * record is read, and one that can never be handled fails at once with its {@link
 * ConsumerFailures.UnusableRecord} (the reason the connector's dead-letter strategy writes); what was read is
 * handled, retried while it fails transiently, and each failure is logged on the consumer's own logger as
 * {@code "<what failed>, retrying: <why>"} or {@code "<what failed> (to the dead-letter topic): <why>"}. The
 * record's offset is acknowledged when the returned Uni succeeds, as before.
 */
public final class RecordHandling {

    private final Logger log;

    /** Logs as {@code consumer} does (its category). */
    public RecordHandling(Class<?> consumer) {
        this.log = Logger.getLogger(consumer);
    }

    /**
     * Reads the record ({@code read} throws {@link ConsumerFailures.UnusableRecord}, having said why in the
     * log, when it can never be handled), then handles what it read; {@code failed} names, for the log,
     * what a failure of the handling left undone.
     */
    public <R, T> Uni<T> handle(Supplier<R> read, Function<R, String> failed, Function<R, Uni<T>> handling) {
        R content;
        try {
            content = read.get();
        } catch (ConsumerFailures.UnusableRecord unusable) {
            return Uni.createFrom().failure(unusable);
        }
        return ConsumerFailures.retryingTransient(Uni.createFrom()
                .deferred(() -> handling.apply(content))
                .onFailure()
                .invoke(failure -> log.warnf(
                        "%s%s: %s",
                        failed.apply(content),
                        ConsumerFailures.permanent(failure) ? " (to the dead-letter topic)" : ", retrying",
                        failure.getMessage())));
    }
}
