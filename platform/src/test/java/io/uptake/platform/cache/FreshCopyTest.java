package io.uptake.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FreshCopyTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicBoolean databaseAway = new AtomicBoolean();
    private Instant now = Instant.parse("2026-12-06T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final FreshCopy<Integer> copy = new FreshCopy<>(
            () -> databaseAway.get()
                    ? Uni.createFrom().failure(new IllegalStateException("away"))
                    : Uni.createFrom().item(reads.incrementAndGet()),
            Duration.ofSeconds(30),
            clock);

    private int get() {
        return copy.get().await().indefinitely();
    }

    @Test
    void aFreshCopyIsReadOnceUntilItIsOldOrForgotten() {
        assertThat(get()).isEqualTo(1);
        now = now.plusSeconds(29);
        assertThat(get()).isEqualTo(1);
        now = now.plusSeconds(2);
        assertThat(get()).isEqualTo(2);
        copy.forget();
        assertThat(get()).isEqualTo(3);
    }

    @Test
    void theLastCopyServesWhileTheDatabaseIsAwayButNoCopyIsAFailure() {
        databaseAway.set(true);
        assertThat(copy.get().onFailure().recoverWithItem(-1).await().indefinitely())
                .isEqualTo(-1);
        databaseAway.set(false);
        assertThat(get()).isEqualTo(1);
        databaseAway.set(true);
        copy.forget();
        assertThat(get()).isEqualTo(1);
    }
}
