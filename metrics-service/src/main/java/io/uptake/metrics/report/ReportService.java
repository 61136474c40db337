package io.uptake.metrics.report;

import io.smallrye.mutiny.Uni;
import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.api.PageView;
import io.uptake.metrics.roster.PersonView;
import io.uptake.metrics.roster.RosterStore;
import io.uptake.metrics.scorecard.ScorecardView;
import io.uptake.metrics.scorecard.TeamScorecards;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The adoption reports: adoption by group, shortfalls, leadership, conformity. */
@ApplicationScoped
public class ReportService {

    private static final int TOP_DEVIATIONS = 3;

    private final TeamScorecards scorecards;
    private final ReportQueries queries;
    private final RosterStore roster;
    private final double conformityThreshold;

    public ReportService(TeamScorecards scorecards, ReportQueries queries, RosterStore roster,
            @ConfigProperty(name = "uptake.conformity.threshold", defaultValue = "0.2") double conformityThreshold) {
        this.scorecards = scorecards;
        this.queries = queries;
        this.roster = roster;
        this.conformityThreshold = conformityThreshold;
    }

    public Uni<List<AdoptionRow>> adoption(DateRange range, GroupBy groupBy, String businessUnit) {
        return Uni.combine().all()
                .unis(scorecards.scorecards(range, businessUnit), queries.activity(range, groupBy.column, businessUnit))
                .with((cards, activity) -> {
                    Map<String, List<ScorecardView>> byGroup = cards.stream().collect(Collectors.groupingBy(groupBy.of));
                    Set<String> groups = new HashSet<>(byGroup.keySet());
                    groups.addAll(activity.keySet());
                    return ReportQueries.sorted(groups).stream().map(group -> {
                        List<ScorecardView> members = byGroup.getOrDefault(group, List.of());
                        ReportQueries.Activity active = activity.getOrDefault(group, new ReportQueries.Activity(0, 0, 0, 0));
                        double dau = active.personDays() / (double) range.days();
                        long meeting = members.stream().filter(card -> card.status() == ScorecardView.Status.MEETING).count();
                        return new AdoptionRow(group, members.size(), active.activePeople(), Rounding.three(dau), active.wau(), active.mau(),
                                active.mau() == 0 ? 0 : Rounding.three(dau / active.mau()), Rounding.share(meeting, members.size()));
                    }).toList();
                });
    }

    public Uni<PageView<ShortfallRow>> shortfalls(DateRange range, String businessUnit, int page, int size) {
        return scorecards.scorecards(range, businessUnit).map(cards -> {
            List<ShortfallRow> below = cards.stream()
                    .filter(card -> card.status() != ScorecardView.Status.MEETING)
                    .map(card -> new ShortfallRow(card.userId(), card.businessUnit(), card.jobRole(), card.status().name(), card.score(),
                            card.expectations().stream().filter(result -> !result.met()).toList(), 100 - card.score()))
                    .sorted(Comparator.comparingInt(ShortfallRow::gap).reversed().thenComparing(ShortfallRow::userId))
                    .toList();
            int fromIndex = Math.min(page * size, below.size());
            return new PageView<>(below.subList(fromIndex, Math.min(fromIndex + size, below.size())), page, size, below.size());
        });
    }

    public Uni<List<LeadershipRow>> leadership(DateRange range) {
        long workdays = workdays(range);
        return roster.executives()
                .flatMap(executives -> executives.isEmpty() ? Uni.createFrom().item(List.<LeadershipRow>of())
                        : queries.presence(range, executives.stream().map(PersonView::userId).toList())
                                .map(presence -> executives.stream().map(executive -> {
                                    ReportQueries.Presence seen = presence.getOrDefault(executive.userId(), new ReportQueries.Presence(0, 0));
                                    return new LeadershipRow(executive.userId(), executive.displayName(), executive.businessUnit(),
                                            seen.activeDays(), workdays, Rounding.share(seen.activeWorkdays(), workdays));
                                }).sorted(Comparator.comparingDouble(LeadershipRow::dailyUse).thenComparing(LeadershipRow::userId)).toList()));
    }

    public Uni<List<ConformityRow>> conformity(DateRange range) {
        return queries.actionMix(range).map(mix -> {
            Map<String, Long> organisation = new HashMap<>();
            mix.values().forEach(unit -> unit.forEach((action, events) -> organisation.merge(action, events, Long::sum)));
            long organisationTotal = organisation.values().stream().mapToLong(Long::longValue).sum();
            List<ConformityRow> rows = new ArrayList<>();
            mix.forEach((unit, actions) -> {
                long unitTotal = actions.values().stream().mapToLong(Long::longValue).sum();
                List<ConformityRow.ActionShare> shares = organisation.keySet().stream()
                        .map(action -> new ConformityRow.ActionShare(action, Rounding.share(actions.getOrDefault(action, 0L), unitTotal),
                                Rounding.share(organisation.get(action), organisationTotal)))
                        .toList();
                double deviation = organisation.keySet().stream()
                        .mapToDouble(action -> Math.abs(actions.getOrDefault(action, 0L) / (double) unitTotal
                                - organisation.get(action) / (double) organisationTotal))
                        .sum() / 2;
                List<ConformityRow.ActionShare> top = shares.stream()
                        .sorted(Comparator.comparingDouble((ConformityRow.ActionShare s) -> Math.abs(s.share() - s.orgShare())).reversed()
                                .thenComparing(ConformityRow.ActionShare::action))
                        .limit(TOP_DEVIATIONS).toList();
                rows.add(new ConformityRow(unit, unitTotal, Rounding.three(deviation), deviation > conformityThreshold, top));
            });
            rows.sort(Comparator.comparingDouble(ConformityRow::deviation).reversed().thenComparing(ConformityRow::businessUnit));
            return rows;
        });
    }

    private static long workdays(DateRange range) {
        long count = 0;
        for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                count++;
            }
        }
        return count;
    }

    /** How adoption rows are grouped. */
    public enum GroupBy {
        BUSINESS_UNIT("business_unit", ScorecardView::businessUnit),
        JOB_ROLE("job_role", ScorecardView::jobRole);

        final String column;
        final Function<ScorecardView, String> of;

        GroupBy(String column, Function<ScorecardView, String> of) {
            this.column = column;
            this.of = of;
        }
    }
}
