package io.uptake.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import java.time.Duration;

/**
 * The consumers' failure policy, one rule for every channel of every service: a failure that trying again
 * cannot mend (a record that is not JSON or not of the expected shape, a value PostgreSQL refuses) is
 * permanent, and the record goes to the channel's dead-letter topic with the reason (the Kafka connector's
 * {@code failure-strategy=dead-letter-queue}); anything else (the database or the network away) is
 * transient and retried with back-off, which holds the partition until it heals. Before this rule, two
 * services retried a record PostgreSQL would never accept forever, and one bad record stopped its partition.
 */
public final class ConsumerFailures {

    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    private ConsumerFailures() {}

    /** A record that can never be handled: its text, its shape or its values. */
    public static final class UnusableRecord extends RuntimeException {

        public UnusableRecord(String reason) {
            super(reason);
        }

        public UnusableRecord(String reason, Throwable cause) {
            super(reason + ": " + cause.getMessage(), cause);
        }
    }

    /**
     * Whether trying again cannot help: the record is unusable, is not JSON of the expected shape, or
     * PostgreSQL refuses its data (SQLSTATE class 22, data exception, or 23, integrity constraint).
     */
    public static boolean permanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnusableRecord || cause instanceof JsonProcessingException) {
                return true;
            }
            if (cause instanceof PgException pg
                    && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The work, retried with back-off while it fails transiently; a permanent failure ends it at once, so
     * that the connector dead-letters the record and the partition moves on.
     */
    public static <T> Uni<T> retryingTransient(Uni<T> work) {
        return work.onFailure(failure -> !permanent(failure))
                .retry()
                .withBackOff(FIRST_RETRY, LONGEST_WAIT)
                .indefinitely();
    }
}
