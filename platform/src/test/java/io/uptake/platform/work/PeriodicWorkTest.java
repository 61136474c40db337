package io.uptake.platform.work;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PeriodicWorkTest {

    /** Each run is a future the test completes by hand, so the test decides when a run ends. */
    private final List<CompletableFuture<Void>> runs = new ArrayList<>();

    private final PeriodicWork work = new PeriodicWork("test work", () -> {
        CompletableFuture<Void> run = new CompletableFuture<>();
        runs.add(run);
        return Uni.createFrom().completionStage(run);
    });

    @Test
    void aTickDuringARunIsSkipped() {
        assertThat(work.runUnlessRunning()).isTrue();
        assertThat(work.runUnlessRunning()).isFalse();
        assertThat(runs).hasSize(1);

        runs.getFirst().complete(null);
        assertThat(work.isRunning()).isFalse();
        assertThat(work.runUnlessRunning()).isTrue();
        assertThat(runs).hasSize(2);
    }

    @Test
    void requestsDuringARunMakeItRunOnceMoreAfterIt() {
        work.runSoon();
        work.runSoon();
        work.runSoon();
        assertThat(runs).hasSize(1);

        runs.get(0).complete(null);
        assertThat(runs)
                .as("the requests made during the first run are served by one more run")
                .hasSize(2);
        assertThat(work.isRunning()).isTrue();

        runs.get(1).complete(null);
        assertThat(runs).hasSize(2);
        assertThat(work.isRunning()).isFalse();
    }

    @Test
    void aFailedRunDoesNotStopTheNextOne() {
        work.runSoon();
        runs.getFirst().completeExceptionally(new IllegalStateException("database away"));
        assertThat(work.isRunning()).isFalse();

        work.runSoon();
        assertThat(runs).hasSize(2);
    }

    @Test
    void workThatThrowsBeforeReturningAUniCountsAsAFailedRun() {
        PeriodicWork throwing = new PeriodicWork("throwing", () -> {
            throw new IllegalStateException("no connection");
        });
        assertThat(throwing.runUnlessRunning()).isTrue();
        assertThat(throwing.isRunning()).isFalse();
    }
}
