package io.uptake.metrics.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.uptake.metrics.support.BatchSender;
import io.uptake.testsupport.KeycloakTokens;
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

/**
 * One run of 200,000 events into the packaged metrics-service, for the crash and outage ITs: the service on topics
 * of its own, the run's people under a prefix of their own, and the exact totals the run must end with.
 */
final class IngestRun {

    static final int BATCH_SIZE = 1000;
    static final int BATCHES = 200;
    static final long EVENTS = (long) BATCH_SIZE * BATCHES;
    private static final Duration RUN_DEADLINE = Duration.ofMinutes(5);
    private static final Duration SETTLE_DEADLINE = Duration.ofMinutes(3);

    /** The prefix of this run's user ids. */
    final String users;

    final PackagedService service;

    IngestRun(String name) {
        String run = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.users = run + "-";
        this.service = new PackagedService(
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

    /** Sends the run's batches to the service, four at a time, resending what was not acknowledged. */
    BatchSender sender() {
        return new BatchSender(service::baseUrl, KeycloakTokens.connectorToken(), users, BATCH_SIZE, 4);
    }

    /** Sends the run's batches to the running service and returns once a quarter of them are acknowledged. */
    List<Future<?>> sendUntilAQuarterIsAcknowledged(BatchSender sender) {
        List<Future<?>> batches = sender.send(BATCHES, RUN_DEADLINE);
        await().atMost(RUN_DEADLINE).until(() -> sender.acknowledged() >= BATCHES / 4);
        return batches;
    }

    /** Waits for every batch's last attempt. */
    static void awaitSent(List<Future<?>> batches) throws Exception {
        for (Future<?> batch : batches) {
            batch.get();
        }
    }

    /** Every event recorded once, rolled up once, and each person-day once in the activity bitmaps. */
    void awaitExactTotals() throws SQLException {
        await().atMost(SETTLE_DEADLINE).pollInterval(Duration.ofSeconds(1)).until(() -> rolledUp() >= EVENTS);
        assertThat(recorded()).isEqualTo(EVENTS);
        assertThat(rolledUp()).isEqualTo(EVENTS);
        assertThat(activeDaysInBitmaps())
                .as("the activity bitmaps hold each person-day once")
                .isEqualTo(personDays());
    }

    private long personDays() throws SQLException {
        return count("select count(*) from (select distinct user_id, day from usage_event where user_id like ?) d");
    }

    private long activeDaysInBitmaps() throws SQLException {
        return count(
                "select coalesce(sum(bit_count(w::bit(64))), 0) from person_activity, unnest(days) w where user_id like ?");
    }

    private long recorded() throws SQLException {
        return count("select count(*) from usage_event where user_id like ?");
    }

    private long rolledUp() throws SQLException {
        return count("select coalesce(sum(events), 0) from daily_rollup where user_id like ? and action = '"
                + BatchSender.ACTION + "'");
    }

    private long count(String sql) throws SQLException {
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
