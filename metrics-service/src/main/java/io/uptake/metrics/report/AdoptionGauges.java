package io.uptake.metrics.report;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.uptake.metrics.api.DateRange;
import io.uptake.platform.work.PeriodicWork;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Prometheus gauges of adoption per business unit over the last 7 days, refreshed in the background
 * (a scrape never runs a report): {@code uptake_adoption_people}, {@code uptake_adoption_active_people},
 * {@code uptake_adoption_dau}, {@code uptake_adoption_meeting_objectives}, each tagged {@code business_unit}.
 */
@ApplicationScoped
public class AdoptionGauges {

    private final ReportService reports;
    private final MeterRegistry registry;
    private final Vertx vertx;
    private final long refreshMillis;
    private final Map<String, AdoptionRow> latest = new ConcurrentHashMap<>();
    private final PeriodicWork refresher = new PeriodicWork("Adoption gauges refresh", this::refresh);

    public AdoptionGauges(ReportService reports, MeterRegistry registry, Vertx vertx, AdoptionGaugesConfig config) {
        this.reports = reports;
        this.registry = registry;
        this.vertx = vertx;
        this.refreshMillis = config.refreshMs();
    }

    void start(@Observes StartupEvent started) {
        refresher.start(vertx, Duration.ofSeconds(1), Duration.ofMillis(refreshMillis));
    }

    void stop(@Observes ShutdownEvent stopping) {
        refresher.stop();
    }

    /** Recomputes the gauges of the last seven days. */
    Uni<Void> refresh() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return reports.adoption(new DateRange(today.minusDays(6), today), ReportService.GroupBy.BUSINESS_UNIT, null)
                .invoke(rows -> rows.forEach(row -> {
                    if (latest.put(row.group(), row) == null) {
                        register(row.group());
                    }
                }))
                .replaceWithVoid();
    }

    private void register(String unit) {
        gauge("uptake.adoption.people", unit, row -> row.people());
        gauge("uptake.adoption.active.people", unit, row -> row.activePeople());
        gauge("uptake.adoption.dau", unit, AdoptionRow::dau);
        gauge("uptake.adoption.meeting.objectives", unit, AdoptionRow::meetingObjectives);
    }

    private void gauge(String name, String unit, ToDoubleFunction<AdoptionRow> value) {
        Gauge.builder(name, latest, rows -> value.applyAsDouble(rows.get(unit)))
                .tag("business_unit", unit)
                .register(registry);
    }
}
