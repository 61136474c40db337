package io.uptake.metrics.digest;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.uptake.metrics.effectiveness.TrainingAssignmentStore;
import io.uptake.metrics.roster.RosterStore;
import io.uptake.metrics.scorecard.ScorecardView;
import io.uptake.metrics.scorecard.TeamScorecards;
import io.uptake.metrics.shortfall.Period;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The weekly digests of the last closed week, on {@code uptake.digests} through the outbox: each manager (someone
 * another active person reports to) gets their unit's, and each person on the roster their own. A digest is
 * recorded in {@code digest_sent} in the statement that writes it to the outbox, so the hourly check, an admin's
 * publication or a crash never send anyone the same week twice. One business unit at a time, as shortfalls are.
 */
@ApplicationScoped
public class DigestPublisher {

    private static final int CHUNK = 2000;

    private final TeamScorecards scorecards;
    private final RosterStore roster;
    private final TrainingAssignmentStore trainings;
    private final DigestStore sent;
    private final Json json;
    private final Outbox outbox;
    private final Vertx vertx;
    private final DigestsConfig config;
    private final PeriodicWork check;

    public DigestPublisher(
            TeamScorecards scorecards,
            RosterStore roster,
            TrainingAssignmentStore trainings,
            DigestStore sent,
            Json json,
            Outbox outbox,
            Vertx vertx,
            DigestsConfig config,
            ClusterSchedule schedule) {
        this.scorecards = scorecards;
        this.roster = roster;
        this.trainings = trainings;
        this.sent = sent;
        this.json = json;
        this.outbox = outbox;
        this.vertx = vertx;
        this.config = config;
        this.check = new PeriodicWork(
                "Digest check",
                () -> schedule.oncePerSlot(
                        "digest-check",
                        Duration.ofMillis(config.checkMs()),
                        () -> publish(Period.lastClosed(Period.WEEK, LocalDate.now(ZoneOffset.UTC)))));
    }

    void start(@Observes StartupEvent started) {
        check.start(vertx, Duration.ofMillis(config.firstCheckMs()), Duration.ofMillis(config.checkMs()));
    }

    void stop(@Observes ShutdownEvent stopping) {
        check.stop();
    }

    /** The week's digests not sent yet. */
    public Uni<DigestReport> publish(Period week) {
        return roster.managers()
                .flatMap(managers -> roster.businessUnits()
                        .onItem()
                        .transformToMulti(units -> Multi.createFrom().iterable(units))
                        .onItem()
                        .transformToUniAndConcatenate(unit -> publish(week, unit, managers))
                        .collect()
                        .in(() -> new int[2], (totals, unit) -> {
                            totals[0] += unit[0];
                            totals[1] += unit[1];
                        }))
                .map(totals -> new DigestReport(week.start(), week.end(), totals[0], totals[1]));
    }

    private Uni<int[]> publish(Period week, String unit, Set<String> managers) {
        Period before = new Period(Period.WEEK, week.start().minusWeeks(1));
        return Uni.combine()
                .all()
                .unis(
                        scorecards.scorecards(week.range(), unit),
                        scorecards.scorecards(before.range(), unit),
                        trainings.overdue(unit, LocalDate.now(ZoneOffset.UTC)))
                .asTuple()
                .flatMap(figures -> {
                    List<ScorecardView> thisWeek = figures.getItem1();
                    List<ScorecardView> lastWeek = figures.getItem2();
                    List<Digest> digests = new ArrayList<>();
                    thisWeek.stream()
                            .filter(card -> managers.contains(card.userId()))
                            .forEach(manager -> digests.add(DigestComposer.manager(
                                    manager.userId(), unit, week, thisWeek, lastWeek, figures.getItem3())));
                    if (config.employees()) {
                        Map<String, ScorecardView> previous = DigestComposer.byPerson(lastWeek);
                        thisWeek.forEach(
                                card -> digests.add(DigestComposer.employee(week, card, previous.get(card.userId()))));
                    }
                    return record(week, digests);
                });
    }

    private Uni<int[]> record(Period week, List<Digest> digests) {
        if (digests.isEmpty()) {
            return Uni.createFrom().item(new int[2]);
        }
        List<List<Digest>> chunks = new ArrayList<>();
        for (int i = 0; i < digests.size(); i += CHUNK) {
            chunks.add(digests.subList(i, Math.min(digests.size(), i + CHUNK)));
        }
        String traceparent = OutboxTrace.current();
        return Multi.createFrom()
                .iterable(chunks)
                .onItem()
                .transformToUniAndConcatenate(chunk -> sent.record(
                        week.start(), chunk, chunk.stream().map(json::write).toList(), traceparent))
                .collect()
                .in(() -> new int[1], (total, published) -> total[0] += published)
                .invoke(outbox::runSoon)
                .map(total -> new int[] {total[0], digests.size() - total[0]});
    }
}
