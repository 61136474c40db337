package io.uptake.metrics.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.uptake.metrics.support.BatchSender;
import io.uptake.testsupport.KeycloakTokens;
import io.uptake.testsupport.LocalOutages;
import io.uptake.testsupport.PackagedService;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Nothing accepted is lost and nothing counts twice when the service is killed, or the database
 * goes away, in the middle of a run: the packaged app, the real broker, the real database.
 */
class CrashRecoveryIT {

    private static final int BATCH_SIZE = 1000;
    private static final int BATCHES = 200;
    private static final long EVENTS = (long) BATCH_SIZE * BATCHES;
    private static final Duration RUN_DEADLINE = Duration.ofMinutes(5);
    private static final Duration SETTLE_DEADLINE = Duration.ofMinutes(3);

    @Test
    void aKill9MidRunLosesNothingAndCountsNothingTwice() throws Exception {
        String users = "crash-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        PackagedService service = service(users);
        service.start();
        try (BatchSender sender =
                new BatchSender(service::baseUrl, KeycloakTokens.connectorToken(), users, BATCH_SIZE, 4)) {
            List<Future<?>> batches = sender.send(BATCHES, RUN_DEADLINE);
            await().atMost(RUN_DEADLINE).until(() -> sender.acknowledged() >= BATCHES / 4);

            service.kill();
            int acknowledgedAtKill = sender.acknowledged();
            service.start();

            for (Future<?> batch : batches) {
                batch.get();
            }
            assertThat(acknowledgedAtKill).isLessThan(BATCHES);
            assertThat(sender.acknowledged()).isEqualTo(BATCHES);
            assertThat(sender.retries()).as("some batches had to be sent again").isPositive();
            awaitExactTotals(users);
        } finally {
            service.stop();
        }
    }

    @Test
    void aSigtermMidRunEndsWithin10SecondsAndLosesNothingItAccepted() throws Exception {
        String users = "sigterm-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        PackagedService service = service(users);
        service.start();
        try (BatchSender sender =
                new BatchSender(service::baseUrl, KeycloakTokens.connectorToken(), users, BATCH_SIZE, 4)) {
            List<Future<?>> batches = sender.send(BATCHES, RUN_DEADLINE);
            await().atMost(RUN_DEADLINE).until(() -> sender.acknowledged() >= BATCHES / 4);

            Duration exit = service.terminate();
            assertThat(exit).as("exit after SIGTERM under load").isLessThanOrEqualTo(Duration.ofSeconds(10));
            assertThat(sender.acknowledged()).isLessThan(BATCHES);
            service.start();

            for (Future<?> batch : batches) {
                batch.get();
            }
            assertThat(sender.acknowledged()).isEqualTo(BATCHES);
            awaitExactTotals(users);
        } finally {
            service.stop();
        }
    }

    @Test
    void postgresAway30SecondsMidRunLosesNothingAndCountsNothingTwice() throws Exception {
        String users = "pgdown-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        PackagedService service = service(users);
        service.start();
        try (BatchSender sender =
                new BatchSender(service::baseUrl, KeycloakTokens.connectorToken(), users, BATCH_SIZE, 4)) {
            List<Future<?>> batches = sender.send(BATCHES, RUN_DEADLINE);
            await().atMost(RUN_DEADLINE).until(() -> sender.acknowledged() >= BATCHES / 4);

            LocalOutages.stop("postgres");
            Thread.sleep(Duration.ofSeconds(30));
            LocalOutages.restore();

            for (Future<?> batch : batches) {
                batch.get();
            }
            assertThat(sender.acknowledged()).isEqualTo(BATCHES);
            awaitExactTotals(users);
        } finally {
            service.stop();
        }
    }

    /** The packaged service on a topic of its own for this run, logging under target/. */
    private static PackagedService service(String users) {
        String run = users.substring(0, users.length() - 1);
        return new PackagedService(
                "metrics-service",
                "metrics_test",
                Map.of(
                        "UPTAKE_TOPICS_USAGE_EVENTS", "test." + run + ".usage-events",
                        // every other topic a test twin too: the packaged app runs the prod profile
                        "UPTAKE_TOPICS_PEOPLE", "test." + run + ".people",
                        "UPTAKE_TOPICS_ADOPTION_SHORTFALLS", "test." + run + ".adoption-shortfalls",
                        "UPTAKE_TOPICS_TRAINING_EVENTS", "test." + run + ".training-events",
                        "UPTAKE_TOPICS_FOLLOW_UP_ACTIONS", "test." + run + ".follow-up-actions",
                        "UPTAKE_TOPICS_DIGESTS", "test." + run + ".digests"),
                List.of(),
                Path.of("target", run + ".log"));
    }

    private static void awaitExactTotals(String users) throws SQLException {
        await().atMost(SETTLE_DEADLINE).pollInterval(Duration.ofSeconds(1)).until(() -> rolledUp(users) >= EVENTS);
        assertThat(recorded(users)).isEqualTo(EVENTS);
        assertThat(rolledUp(users)).isEqualTo(EVENTS);
        assertThat(activeDaysInBitmaps(users))
                .as("the activity bitmaps hold each person-day once")
                .isEqualTo(personDays(users));
    }

    private static long personDays(String users) throws SQLException {
        return count(
                "select count(*) from (select distinct user_id, day from usage_event where user_id like ?) d", users);
    }

    private static long activeDaysInBitmaps(String users) throws SQLException {
        return count(
                "select coalesce(sum(bit_count(w::bit(64))), 0) from person_activity, unnest(days) w where user_id like ?",
                users);
    }

    private static long recorded(String users) throws SQLException {
        return count("select count(*) from usage_event where user_id like ?", users);
    }

    private static long rolledUp(String users) throws SQLException {
        return count(
                "select coalesce(sum(events), 0) from daily_rollup where user_id like ? and action = '"
                        + BatchSender.ACTION + "'",
                users);
    }

    private static long count(String sql, String users) throws SQLException {
        String url = "jdbc:postgresql://localhost:" + System.getenv().getOrDefault("UPTAKE_PG_PORT", "5433")
                + "/metrics_test";
        try (Connection connection = DriverManager.getConnection(url, "uptake", "uptake");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, users + "%");
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
