package io.uptake.metrics.report;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.api.Interval;
import io.uptake.metrics.api.Rounding;
import io.uptake.metrics.followup.FollowUpStore;
import io.uptake.metrics.practice.PracticeStore;
import io.uptake.metrics.roster.PersonView;
import io.uptake.metrics.roster.RosterQueries;
import io.uptake.metrics.roster.RosterStore;
import io.uptake.metrics.scorecard.PartsOf;
import io.uptake.metrics.scorecard.ScorecardView;
import io.uptake.metrics.scorecard.ScoredPeriods;
import io.uptake.metrics.scorecard.TeamScorecards;
import io.uptake.metrics.scorecard.UsageQueries;
import io.uptake.metrics.usage.ActiveDays;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The adoption reports: adoption by group, shortfalls, leadership, conformity. */
@ApplicationScoped
public class ReportService {

    private final TeamScorecards scorecards;
    private final ReportQueries queries;
    private final UsageQueries usage;
    private final RosterStore roster;
    private final ReportCache cache;
    private final double conformityThreshold;
    private final FollowUpStore followUps;
    private final PracticeStore practices;
    private final RosterQueries names;

    public ReportService(
            TeamScorecards scorecards,
            ReportQueries queries,
            UsageQueries usage,
            RosterStore roster,
            ReportCache cache,
            ConformityConfig conformity,
            FollowUpStore followUps,
            PracticeStore practices,
            RosterQueries names) {
        this.names = names;
        this.followUps = followUps;
        this.practices = practices;
        this.cache = cache;
        this.scorecards = scorecards;
        this.queries = queries;
        this.usage = usage;
        this.roster = roster;
        this.conformityThreshold = conformity.threshold();
    }

    public Uni<List<AdoptionRow>> adoption(DateRange range, GroupBy groupBy, String businessUnit) {
        return trendRows(
                        ReportCache.key("adoption", range, groupBy, businessUnit),
                        List.of(range),
                        groupBy,
                        businessUnit)
                .map(rows -> rows.stream().map(DatedRow::row).toList());
    }

    /** Adoption per period and group: what the adoption chart draws. */
    public Uni<List<TrendRow>> trend(DateRange range, Interval interval, GroupBy groupBy, String businessUnit) {
        return trendRows(
                        ReportCache.key("trend", range, interval, groupBy, businessUnit),
                        interval.periods(range),
                        groupBy,
                        businessUnit)
                .map(rows -> rows.stream()
                        .map(dated -> TrendRow.of(
                                dated.period().from(), dated.period().to(), dated.row()))
                        .toList());
    }

    /** Each period's adoption rows, group by group, from each person's part (kept between changes of the data). */
    private Uni<List<DatedRow>> trendRows(
            ReportCache.Key key, List<DateRange> periods, GroupBy groupBy, String businessUnit) {
        PartsOf<AdoptionFigures.Part> parts = new PartsOf<>(
                (period, member) -> AdoptionFigures.Part.of(member, period, groupBy),
                (period, members) -> AdoptionFigures.rows(members, period).stream()
                        .map(row -> new DatedRow(period, row))
                        .toList(),
                cache.snapshotParts());
        return cache.refreshed(key, false, refresh(periods, businessUnit, parts), scored -> {
            List<DatedRow> rows = new ArrayList<>();
            for (int i = 0; i < periods.size(); i++) {
                rows.addAll(rowsOf(scored.folded(i, parts.fold())));
            }
            return rows;
        });
    }

    @SuppressWarnings("unchecked")
    private static List<DatedRow> rowsOf(Object folded) {
        return (List<DatedRow>) folded;
    }

    /** How a report made of per-person parts is computed for everyone and brought up to date. */
    private <P> ReportCache.Refresh<ScoredPeriods<P>> refresh(
            List<DateRange> periods, String businessUnit, PartsOf<P> parts) {
        return new ReportCache.Refresh<>() {
            @Override
            public Uni<ScoredPeriods<P>> full() {
                return scorecards.scoredPeriods(periods, businessUnit, parts);
            }

            @Override
            public Uni<ScoredPeriods<P>> rescore(
                    ScoredPeriods<P> before, Set<String> changed, Set<String> roster, Set<String> teams) {
                return scorecards.rescored(before, changed, roster, teams, parts);
            }

            @Override
            public boolean reusable(ScoredPeriods<P> kept) {
                return kept.keepsParts() && kept.judgedAlike();
            }

            @Override
            public long size(ScoredPeriods<P> kept) {
                return kept.size();
            }
        };
    }

    /** Everyone below their objectives over the range, largest gap first. */
    public Uni<List<ShortfallRow>> shortfalls(DateRange range, String businessUnit) {
        PartsOf<ShortfallRow> parts = new PartsOf<>(
                (period, member) -> shortfallRow(member.card()),
                (period, below) -> below.stream().sorted(ShortfallCursor.ORDER).toList(),
                cache.snapshotParts());
        return cache.refreshed(
                ReportCache.key("shortfalls", range, businessUnit),
                true,
                refresh(List.of(range), businessUnit, parts),
                scored -> shortfallsOf(scored.folded(0, parts.fold())));
    }

    @SuppressWarnings("unchecked")
    private static List<ShortfallRow> shortfallsOf(Object folded) {
        return (List<ShortfallRow>) folded;
    }

    /**
     * The whole list in slices of {@code rows}, for an export written as it goes: the list is the one the JSON
     * pages read (computed once per state of the data), never one string of the whole export.
     */
    public Multi<List<ShortfallRow>> shortfallSlices(DateRange range, String businessUnit, int rows) {
        return shortfalls(range, businessUnit)
                .onItem()
                .transformToMulti(below -> Multi.createFrom()
                        .range(0, (below.size() + rows - 1) / rows)
                        .map(slice -> below.subList(slice * rows, Math.min(below.size(), (slice + 1) * rows))))
                .onItem()
                .transformToUniAndConcatenate(slice -> withFollowUps(slice, range));
    }

    /** The person's shortfall row, or null when they are not below their objectives. */
    private static ShortfallRow shortfallRow(ScorecardView card) {
        if (!card.status().isShortfall()) {
            return null;
        }
        return new ShortfallRow(
                card.userId(),
                null,
                card.businessUnit(),
                card.jobRole(),
                card.status().name(),
                card.score(),
                card.band(),
                card.expectations().stream().filter(result -> !result.met()).toList(),
                100 - card.score(),
                false,
                null);
    }

    /** The page of shortfalls after the cursor ({@code null}: the first page). */
    public Uni<ShortfallPage> shortfalls(DateRange range, String businessUnit, ShortfallCursor after, int size) {
        return shortfalls(range, businessUnit).flatMap(below -> {
            List<ShortfallRow> items = below.stream()
                    .filter(row -> after == null || after.isBefore(row))
                    .limit(size + 1L)
                    .toList();
            boolean more = items.size() > size;
            List<ShortfallRow> page = more ? items.subList(0, size) : items;
            return withFollowUps(page, range)
                    .map(followed -> new ShortfallPage(
                            followed,
                            size,
                            below.size(),
                            more ? ShortfallCursor.of(page.getLast()).encode() : null));
        });
    }

    /** The rows with names and follow-ups (read as they are now: the cached list holds neither). */
    private Uni<List<ShortfallRow>> withFollowUps(List<ShortfallRow> rows, DateRange range) {
        List<String> people = rows.stream().map(ShortfallRow::userId).toList();
        return Uni.combine()
                .all()
                .unis(followUps.lastFollowUps(people, range.from()), names.displayNames(people))
                .with((last, named) -> rows.stream()
                        .map(row -> row.withNameAndLastFollowUp(named.get(row.userId()), last.get(row.userId())))
                        .toList());
    }

    public Uni<List<LeadershipRow>> leadership(DateRange range) {
        long workdays = ActiveDays.workdaysBetween(range.from(), range.to());
        return roster.executives()
                .flatMap(executives -> executives.isEmpty()
                        ? Uni.createFrom().item(List.<LeadershipRow>of())
                        : usage.activeDays(
                                        range,
                                        executives.stream()
                                                .map(PersonView::userId)
                                                .toList())
                                .map(presence -> executives.stream()
                                        .map(executive -> {
                                            ActiveDays seen =
                                                    presence.getOrDefault(executive.userId(), ActiveDays.none());
                                            return new LeadershipRow(
                                                    executive.userId(),
                                                    executive.displayName(),
                                                    executive.businessUnit(),
                                                    seen.count(range.from(), range.to()),
                                                    workdays,
                                                    Rounding.share(seen.workdays(range.from(), range.to()), workdays));
                                        })
                                        .sorted(Comparator.comparingDouble(LeadershipRow::dailyUse)
                                                .thenComparing(LeadershipRow::userId))
                                        .toList()));
    }

    public Uni<List<ConformityRow>> conformity(DateRange range) {
        return Uni.combine()
                .all()
                .unis(queries.actionMix(range), practices.approvedActions())
                .with((mix, approved) -> Conformity.rows(mix, conformityThreshold, approved));
    }

    /** The approved local practices, each with its unit's share of the action and the organisation's, for other units to learn from. */
    public Uni<List<PracticeRow>> practices(DateRange range) {
        return Uni.combine()
                .all()
                .unis(queries.actionMix(range), practices.all())
                .with((mix, approved) -> {
                    return approved.stream()
                            .map(practice -> {
                                ConformityRow.ActionShare shares =
                                        Conformity.share(mix, practice.businessUnit(), practice.action());
                                return new PracticeRow(
                                        practice.businessUnit(),
                                        practice.action(),
                                        practice.reason(),
                                        practice.approvedBy(),
                                        practice.approvedAt(),
                                        shares.share(),
                                        shares.orgShare());
                            })
                            .toList();
                });
    }

    /** A group's adoption in one period. */
    private record DatedRow(DateRange period, AdoptionRow row) {}

    /** How adoption rows are grouped. */
    public enum GroupBy {
        BUSINESS_UNIT(ScorecardView::businessUnit),
        JOB_ROLE(ScorecardView::jobRole);

        final Function<ScorecardView, String> of;

        GroupBy(Function<ScorecardView, String> of) {
            this.of = of;
        }
    }
}
