package io.uptake.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecordHandlingTest {

    private final RecordHandling handling = new RecordHandling(RecordHandlingTest.class);

    @Test
    void anUnusableRecordFailsWithItsReasonAndIsNotHandled() {
        AtomicInteger handled = new AtomicInteger();
        Throwable failure = handling.<String, String>handle(
                        () -> {
                            throw new ConsumerFailures.UnusableRecord("a notice needs a userId");
                        },
                        read -> "not handled",
                        read -> Uni.createFrom().item(() -> "handled " + handled.incrementAndGet()))
                .onItemOrFailure()
                .transform((item, failed) -> failed)
                .await()
                .atMost(Duration.ofSeconds(10));
        assertThat(failure).isInstanceOf(ConsumerFailures.UnusableRecord.class).hasMessage("a notice needs a userId");
        assertThat(handled).hasValue(0);
    }

    @Test
    void whatWasReadIsHandledRetryingTransientFailures() {
        AtomicInteger tries = new AtomicInteger();
        String done = handling.handle(
                        () -> "notice",
                        read -> "Notice not handled",
                        read -> Uni.createFrom().item(() -> {
                            if (tries.incrementAndGet() < 3) {
                                throw new IllegalStateException(new ConnectException("away"));
                            }
                            return read + " applied";
                        }))
                .await()
                .atMost(Duration.ofSeconds(10));
        assertThat(done).isEqualTo("notice applied");
        assertThat(tries).hasValue(3);
    }

    @Test
    void aPermanentFailureEndsAtOnce() {
        AtomicInteger tries = new AtomicInteger();
        Throwable failure = handling.handle(
                        () -> "notice",
                        read -> "Notice not handled",
                        read -> Uni.createFrom().item(() -> {
                            tries.incrementAndGet();
                            throw new PgException("refused", "ERROR", "23505", "detail");
                        }))
                .onItemOrFailure()
                .transform((item, failed) -> failed)
                .await()
                .atMost(Duration.ofSeconds(10));
        assertThat(failure).isInstanceOf(PgException.class);
        assertThat(tries).hasValue(1);
    }
}
