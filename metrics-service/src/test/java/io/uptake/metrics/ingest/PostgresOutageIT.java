package io.uptake.metrics.ingest;

import static io.uptake.metrics.ingest.IngestRun.BATCHES;
import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.metrics.support.BatchSender;
import io.uptake.testsupport.LocalOutages;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Nothing accepted is lost and nothing counts twice when the database goes away for 30 s in the middle of a run.
 * It stops the PostgreSQL every module's tests share, so ./uptake test runs it with the other outage ITs, alone.
 */
@Tag("outage")
class PostgresOutageIT {

    @Test
    void postgresAway30SecondsMidRunLosesNothingAndCountsNothingTwice() throws Exception {
        IngestRun run = new IngestRun("pgdown");
        run.service.start();
        try (BatchSender sender = run.sender()) {
            List<Future<?>> batches = run.sendUntilAQuarterIsAcknowledged(sender);

            LocalOutages.stop("postgres");
            Thread.sleep(Duration.ofSeconds(30));
            LocalOutages.restore();

            IngestRun.awaitSent(batches);
            assertThat(sender.acknowledged()).isEqualTo(BATCHES);
            run.awaitExactTotals();
        } finally {
            run.service.stop();
        }
    }
}
