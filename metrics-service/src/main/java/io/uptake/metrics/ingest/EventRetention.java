package io.uptake.metrics.ingest;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.work.PeriodicWork;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * How long the event log keeps events ({@code uptake.retention.days}, 400 by default), and its monthly
 * partitions: at start and every hour, the partitions from the oldest kept day to two months ahead are
 * made, and those whose every day is past the retention are dropped (no bulk delete). The per-person
 * aggregates the reports read are kept.
 */
@ApplicationScoped
public class EventRetention {

    private static final long MONTHS_AHEAD = 2;

    private final int days;
    private final UsageEventStore events;
    private final UnmappedOccurrenceStore unmapped;
    private final Vertx vertx;
    private final long checkMillis;
    private final PeriodicWork maintenance = new PeriodicWork("Event log partition maintenance", this::maintain);

    public EventRetention(
            RetentionConfig config, UsageEventStore events, UnmappedOccurrenceStore unmapped, Vertx vertx) {
        this.days = config.days();
        this.events = events;
        this.unmapped = unmapped;
        this.vertx = vertx;
        this.checkMillis = config.checkMs();
    }

    public int days() {
        return days;
    }

    /** The oldest day the log keeps; events on earlier days are past the retention. */
    public LocalDate oldestDay() {
        return LocalDate.now(ZoneOffset.UTC).minusDays(days);
    }

    void start(@Observes StartupEvent started) {
        maintenance.start(vertx, Duration.ofMillis(1), Duration.ofMillis(checkMillis));
    }

    void stop(@Observes ShutdownEvent stopping) {
        maintenance.stop();
    }

    /**
     * Makes the partitions the retention needs and drops those past it; returns the names dropped. The unmapped events
     * kept for a recount go once past the lateness window, as they could no longer be sent as they arrived.
     */
    public Uni<List<String>> maintain() {
        LocalDate oldest = oldestDay();
        return events.ensurePartitions(oldest, LocalDate.now(ZoneOffset.UTC).plusMonths(MONTHS_AHEAD))
                .flatMap(created -> dropBefore(oldest))
                .call(dropped -> unmapped.forgetBefore(Instant.now().minus(EventValidator.MAX_LATENESS)));
    }

    /** Drops the partitions whose every day is before {@code day}. */
    public Uni<List<String>> dropBefore(LocalDate day) {
        return events.dropPartitionsBefore(day).invoke(dropped -> {
            if (!dropped.isEmpty()) {
                Log.infof("Dropped event log partitions past the retention of %d days: %s", days, dropped);
            }
        });
    }
}
