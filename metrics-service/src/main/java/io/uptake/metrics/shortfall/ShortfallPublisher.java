package io.uptake.metrics.shortfall;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.uptake.metrics.roster.RosterStore;
import io.uptake.metrics.scorecard.ExpectationResult;
import io.uptake.metrics.scorecard.ScorecardView;
import io.uptake.metrics.scorecard.TeamScorecards;
import io.uptake.platform.api.Json;
import io.uptake.platform.outbox.Outbox;
import io.uptake.platform.outbox.OutboxTrace;
import io.uptake.platform.work.ClusterSchedule;
import io.uptake.platform.work.PeriodicWork;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Publishes, when a week or month has closed, everyone below their objectives in it to
 * {@code uptake.adoption-shortfalls}, once per person and period: the notice table and the outbox
 * row are written in one statement, so a repeat (the hourly check, an admin asking again, a crash)
 * publishes nobody twice.
 */
@ApplicationScoped
public class ShortfallPublisher {

    private final TeamScorecards scorecards;
    private final RosterStore roster;
    private final ShortfallNoticeStore notices;
    private final Json json;
    private final Outbox outbox;
    private final Vertx vertx;
    private final long firstCheckMillis;
    private final long checkMillis;
    private final ClusterSchedule schedule;
    private final PeriodicWork check;

    public ShortfallPublisher(
            TeamScorecards scorecards,
            RosterStore roster,
            ShortfallNoticeStore notices,
            Json json,
            Outbox outbox,
            Vertx vertx,
            ShortfallsConfig config,
            ClusterSchedule schedule) {
        this.schedule = schedule;
        this.scorecards = scorecards;
        this.roster = roster;
        this.notices = notices;
        this.json = json;
        this.outbox = outbox;
        this.vertx = vertx;
        this.firstCheckMillis = config.firstCheckMs();
        this.checkMillis = config.checkMs();
        this.check = new PeriodicWork(
                "Shortfall check",
                () -> schedule.oncePerSlot(
                        "shortfall-check", Duration.ofMillis(checkMillis), this::publishClosedPeriods));
    }

    void start(@Observes StartupEvent started) {
        check.start(vertx, Duration.ofMillis(firstCheckMillis), Duration.ofMillis(checkMillis));
    }

    void stop(@Observes ShutdownEvent stopping) {
        check.stop();
    }

    /** The last closed week and month; what was published already is skipped. */
    Uni<PublishReport> publishClosedPeriods() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return publish(Period.lastClosed(Period.WEEK, today))
                .flatMap(week -> publish(Period.lastClosed(Period.MONTH, today)));
    }

    /**
     * Publishes the period's shortfalls one business unit at a time, so that only one unit's scorecards are in
     * memory at once (all 100,000 people of a large roster at once needed well over 100 MiB of heap).
     */
    public Uni<PublishReport> publish(Period period) {
        return roster.businessUnits()
                .onItem()
                .transformToMulti(units -> Multi.createFrom().iterable(units))
                .onItem()
                .transformToUniAndConcatenate(unit -> publish(period, unit))
                .collect()
                .in(() -> new int[2], (totals, unit) -> {
                    totals[0] += unit.published();
                    totals[1] += unit.alreadyPublished();
                })
                .map(totals -> new PublishReport(period.kind(), period.start(), period.end(), totals[0], totals[1]));
    }

    private Uni<PublishReport> publish(Period period, String businessUnit) {
        return scorecards.scorecards(period.range(), businessUnit).flatMap(cards -> {
            List<ShortfallNotice> below = cards.stream()
                    .filter(card -> card.status().isShortfall())
                    .map(card -> notice(card, period))
                    .toList();
            if (below.isEmpty()) {
                return Uni.createFrom().item(new PublishReport(period.kind(), period.start(), period.end(), 0, 0));
            }
            return notices.record(period, below, below.stream().map(json::write).toList(), OutboxTrace.current())
                    .invoke(outbox::runSoon)
                    .map(published -> new PublishReport(
                            period.kind(), period.start(), period.end(), published, below.size() - published));
        });
    }

    private static ShortfallNotice notice(ScorecardView card, Period period) {
        List<ExpectationResult> missed =
                card.expectations().stream().filter(result -> !result.met()).toList();
        return new ShortfallNotice(
                card.userId(),
                card.businessUnit(),
                card.jobRole(),
                period.kind(),
                period.start(),
                period.end(),
                card.status().name(),
                card.score(),
                100 - card.score(),
                missed);
    }
}
