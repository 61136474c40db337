package io.uptake.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConsumerFailuresTest {

    private static PgException refused(String sqlState) {
        return new PgException("refused", "ERROR", sqlState, "detail");
    }

    @Test
    void recordsNoRetryCanMendArePermanent() {
        assertThat(ConsumerFailures.permanent(new ConsumerFailures.UnusableRecord("no userId")))
                .isTrue();
        assertThat(ConsumerFailures.permanent(new JsonParseException(null, "not JSON")))
                .isTrue();
        assertThat(ConsumerFailures.permanent(refused("22001")))
                .as("value too long")
                .isTrue();
        assertThat(ConsumerFailures.permanent(refused("23502")))
                .as("not null violated")
                .isTrue();
        assertThat(ConsumerFailures.permanent(new IllegalStateException("wrapped", refused("22P02"))))
                .as("found as a cause")
                .isTrue();
    }

    @Test
    void anOutageIsTransient() {
        assertThat(ConsumerFailures.permanent(new ConnectException("PostgreSQL is away")))
                .isFalse();
        assertThat(ConsumerFailures.permanent(refused("57P01")))
                .as("admin shutdown")
                .isFalse();
        assertThat(ConsumerFailures.permanent(refused("40001")))
                .as("serialization failure")
                .isFalse();
    }

    @Test
    void transientFailuresAreRetriedAndAPermanentOneEndsAtOnce() {
        AtomicInteger tries = new AtomicInteger();
        String done = ConsumerFailures.retryingTransient(Uni.createFrom().item(() -> {
                    if (tries.incrementAndGet() < 3) {
                        throw new IllegalStateException(new ConnectException("away"));
                    }
                    return "applied";
                }))
                .await()
                .atMost(Duration.ofSeconds(10));
        assertThat(done).isEqualTo("applied");
        assertThat(tries).hasValue(3);

        AtomicInteger once = new AtomicInteger();
        Uni<String> refused =
                ConsumerFailures.retryingTransient(Uni.createFrom().item(() -> {
                    once.incrementAndGet();
                    throw refused("23505");
                }));
        assertThat(refused.onFailure()
                        .recoverWithItem(failure -> "dead-lettered")
                        .await()
                        .atMost(Duration.ofSeconds(10)))
                .isEqualTo("dead-lettered");
        assertThat(once).hasValue(1);
    }
}
