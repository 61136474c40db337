package io.uptake.metrics.report;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.uptake.platform.work.PeriodicWork;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/**
 * Keeps the journal of whose usage changed (V21) short: every minute, the entries older than {@code
 * uptake.reports.journal-age} go. A report snapshot older than what the journal still holds is computed again for
 * everyone, so nothing is lost by forgetting, only time.
 */
@ApplicationScoped
public class UsageChangeJournal {

    private static final Duration EVERY = Duration.ofMinutes(1);

    private final ReportQueries queries;
    private final Vertx vertx;
    private final Duration age;
    private final PeriodicWork pruning;

    public UsageChangeJournal(ReportQueries queries, Vertx vertx, ReportsConfig config) {
        this.queries = queries;
        this.vertx = vertx;
        this.age = config.journalAge();
        this.pruning = new PeriodicWork("Usage change journal pruning", () -> this.queries.pruneJournal(age));
    }

    void start(@Observes StartupEvent started) {
        pruning.start(vertx, EVERY, EVERY);
    }

    void stop(@Observes ShutdownEvent stopping) {
        pruning.stop();
    }
}
