package io.uptake.metrics.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Report computations beyond the permits wait, in order, and each finished one lets the next start. */
class ComputeLimiterTest {

    @Test
    void atMostThePermitsRunAndTheRestStartInOrder() {
        ComputeLimiter limiter = new ComputeLimiter(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<UniEmitter<? super Integer>> pending = new ArrayList<>();
        List<Integer> started = new ArrayList<>();
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int number = i;
            results.add(limiter.run(() -> Uni.createFrom()
                            .<Integer>emitter(emitter -> {
                                started.add(number);
                                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                                pending.add(emitter);
                            })
                            .onTermination()
                            .invoke(running::decrementAndGet))
                    .subscribeAsCompletionStage());
        }
        assertThat(started).containsExactly(0, 1);
        pending.get(0).complete(0);
        assertThat(started).containsExactly(0, 1, 2);
        pending.get(1).fail(new IllegalStateException("a failed report frees its place too"));
        assertThat(started).containsExactly(0, 1, 2, 3);
        pending.get(2).complete(2);
        pending.get(3).complete(3);
        pending.get(4).complete(4);
        assertThat(most.get()).isEqualTo(2);
        assertThat(results.get(4)
                        .orTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
                        .join())
                .isEqualTo(4);
        assertThat(results.get(1)).isCompletedExceptionally();
    }
}
