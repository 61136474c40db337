package io.uptake.metrics.ingest;

import static io.uptake.metrics.ingest.IngestRun.BATCHES;
import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.metrics.support.BatchSender;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Nothing accepted is lost and nothing counts twice when the service is killed or stopped in the middle of a run:
 * the packaged app, the real broker, the real database. The database going away is {@link PostgresOutageIT}.
 */
class CrashRecoveryIT {

    @Test
    void aKill9MidRunLosesNothingAndCountsNothingTwice() throws Exception {
        IngestRun run = new IngestRun("crash");
        run.service.start();
        try (BatchSender sender = run.sender()) {
            List<Future<?>> batches = run.sendUntilAQuarterIsAcknowledged(sender);

            run.service.kill();
            int acknowledgedAtKill = sender.acknowledged();
            run.service.start();

            IngestRun.awaitSent(batches);
            assertThat(acknowledgedAtKill).isLessThan(BATCHES);
            assertThat(sender.acknowledged()).isEqualTo(BATCHES);
            assertThat(sender.retries()).as("some batches had to be sent again").isPositive();
            run.awaitExactTotals();
        } finally {
            run.service.stop();
        }
    }

    @Test
    void aSigtermMidRunEndsWithin10SecondsAndLosesNothingItAccepted() throws Exception {
        IngestRun run = new IngestRun("sigterm");
        run.service.start();
        try (BatchSender sender = run.sender()) {
            List<Future<?>> batches = run.sendUntilAQuarterIsAcknowledged(sender);

            Duration exit = run.service.terminate();
            assertThat(exit).as("exit after SIGTERM under load").isLessThanOrEqualTo(Duration.ofSeconds(10));
            assertThat(sender.acknowledged()).isLessThan(BATCHES);
            run.service.start();

            IngestRun.awaitSent(batches);
            assertThat(sender.acknowledged()).isEqualTo(BATCHES);
            run.awaitExactTotals();
        } finally {
            run.service.stop();
        }
    }
}
