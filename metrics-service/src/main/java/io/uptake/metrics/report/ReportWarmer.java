package io.uptake.metrics.report;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.api.Interval;
import io.uptake.platform.work.PeriodicWork;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Keeps the reports the adoption page opens on ready before anyone asks: executives' and admins' weekly trend,
 * adoption and shortfall list over the last {@value #DASHBOARD_DAYS} days, by business unit. The first run comes a few
 * seconds after a start, then one every {@code uptake.reports.warm-every}. A new day's range is a new report, so the
 * first visitor after a start or after midnight (UTC) no longer waits for a computation for everyone (seconds at
 * 100,000 people). Between visits, a run brings the kept reports up to date. (Not a platform {@code WarmUp}, which
 * runs once per process: this one has to run again every day.)
 */
@ApplicationScoped
public class ReportWarmer {

    /** The adoption page's range: today and the 83 days before (the web app's {@code daysAgo(83)}). */
    static final int DASHBOARD_DAYS = 84;

    private static final Duration FIRST_AFTER = Duration.ofSeconds(5);

    private final ReportService reports;
    private final Vertx vertx;
    private final Duration every;
    private final boolean cacheOn;
    private final PeriodicWork work =
            new PeriodicWork("Warming the adoption page's reports", () -> warm(LocalDate.now(ZoneOffset.UTC)));

    public ReportWarmer(ReportService reports, Vertx vertx, ReportsConfig config) {
        this.reports = reports;
        this.vertx = vertx;
        this.every = config.warmEvery();
        this.cacheOn = config.cacheEntries() > 0;
    }

    void start(@Observes StartupEvent started) {
        // with the report cache off, a warmed report would be thrown away
        if (cacheOn && every.isPositive()) {
            work.start(vertx, FIRST_AFTER, every);
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        work.stop();
    }

    /**
     * Computes (or brings up to date) the adoption page's reports as the page asks for them on {@code today}, each on
     * its own: one that fails is logged and tried again on the next run, and does not hold back the others.
     */
    Uni<Void> warm(LocalDate today) {
        DateRange range = dashboardRange(today);
        return Uni.join()
                .all(
                        logged(
                                "weekly trend",
                                reports.trend(range, Interval.WEEK, ReportService.GroupBy.BUSINESS_UNIT, null)),
                        logged("adoption", reports.adoption(range, ReportService.GroupBy.BUSINESS_UNIT, null)),
                        logged("shortfall list", reports.shortfalls(range, null)))
                .andFailFast()
                .replaceWithVoid();
    }

    private static Uni<Void> logged(String report, Uni<?> computed) {
        return computed.replaceWithVoid().onFailure().recoverWithUni(failure -> {
            Log.warnf("Could not warm the adoption page's %s: %s", report, failure.getMessage());
            return Uni.createFrom().voidItem();
        });
    }

    static DateRange dashboardRange(LocalDate today) {
        return new DateRange(today.minusDays(DASHBOARD_DAYS - 1), today);
    }
}
