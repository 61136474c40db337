package io.uptake.metrics.report;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.uptake.metrics.api.DateRange;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToDoubleFunction;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private long timer = -1;

    public AdoptionGauges(ReportService reports, MeterRegistry registry, Vertx vertx,
            @ConfigProperty(name = "uptake.adoption-gauges.refresh-ms", defaultValue = "60000") long refreshMillis) {
        this.reports = reports;
        this.registry = registry;
        this.vertx = vertx;
        this.refreshMillis = refreshMillis;
    }

    void start(@Observes StartupEvent started) {
        timer = vertx.setPeriodic(1000, refreshMillis, tick -> refresh());
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Recomputes the gauges, unless the last refresh is still running (a slow database never piles them up). */
    void refresh() {
        if (!refreshing.compareAndSet(false, true)) {
            return;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        reports.adoption(new DateRange(today.minusDays(6), today), ReportService.GroupBy.BUSINESS_UNIT, null)
                .onTermination().invoke(() -> refreshing.set(false))
                .subscribe().with(rows -> rows.forEach(row -> {
                    if (latest.put(row.group(), row) == null) {
                        register(row.group());
                    }
                }), failure -> Log.warnf("Adoption gauges not refreshed: %s", failure.getMessage()));
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
