package io.uptake.metrics.shortfall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.uptake.metrics.roster.RosterStore;
import io.uptake.metrics.scorecard.ExpectationResult;
import io.uptake.metrics.scorecard.ScorecardView;
import io.uptake.metrics.scorecard.TeamScorecards;
import io.uptake.platform.outbox.Outbox;
import io.uptake.platform.outbox.OutboxTrace;
import io.uptake.platform.work.ClusterSchedule;
import io.uptake.platform.work.PeriodicWork;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
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

    private static final String RECORD = """
            with noticed as (
                insert into shortfall_notice (user_id, period, period_start)
                select unnest($1::varchar[]), $2, $3
                on conflict do nothing
                returning user_id
            ), queued as (
                insert into outbox (channel, key, payload, traceparent)
                select 'shortfalls', n.user_id, p.payload, $5::varchar
                  from noticed n join unnest($1::varchar[], $4::text[]) as p(user_id, payload) on p.user_id = n.user_id
                returning 1
            )
            select count(*) from queued""";

    private final TeamScorecards scorecards;
    private final RosterStore roster;
    private final Pool pool;
    private final ObjectMapper json;
    private final Outbox outbox;
    private final Vertx vertx;
    private final long firstCheckMillis;
    private final long checkMillis;
    private final ClusterSchedule schedule;
    private final PeriodicWork check;

    public ShortfallPublisher(
            TeamScorecards scorecards,
            RosterStore roster,
            Pool pool,
            ObjectMapper json,
            Outbox outbox,
            Vertx vertx,
            ShortfallsConfig config,
            ClusterSchedule schedule) {
        this.schedule = schedule;
        this.scorecards = scorecards;
        this.roster = roster;
        this.pool = pool;
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
            Tuple arguments = Tuple.of(
                    below.stream().map(ShortfallNotice::userId).toArray(String[]::new),
                    period.kind(),
                    period.start(),
                    below.stream().map(this::write).toArray(String[]::new),
                    OutboxTrace.current());
            return pool.preparedQuery(RECORD)
                    .execute(arguments)
                    .map(rows -> rows.iterator().next().getLong(0).intValue())
                    .invoke(outbox::publishSoon)
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

    private String write(ShortfallNotice notice) {
        try {
            return json.writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
