package io.uptake.metrics.scorecard;

import io.smallrye.mutiny.Uni;
import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.objective.ObjectiveStore;
import io.uptake.metrics.objective.ObjectivesView;
import io.uptake.metrics.roster.Memberships;
import io.uptake.metrics.roster.RosterStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Scorecards for everyone on the roster (or one business unit) at once, people who never used the CRM
 * included: four queries whatever the number of people, and whatever the number of periods of a trend.
 */
@ApplicationScoped
public class TeamScorecards {

    /** One person of the team: their unit and role then, their scorecard, and their usage (for reports that also count activity). */
    public record Scored(Memberships.Entry person, ScorecardView card, Usage usage) {}

    private final RosterStore roster;
    private final ObjectiveStore objectives;
    private final UsageQueries usage;

    public TeamScorecards(RosterStore roster, ObjectiveStore objectives, UsageQueries usage) {
        this.roster = roster;
        this.objectives = objectives;
        this.usage = usage;
    }

    public Uni<List<ScorecardView>> scorecards(DateRange range, String businessUnit) {
        return scored(range, businessUnit)
                .map(team -> team.stream().map(Scored::card).toList());
    }

    public Uni<List<Scored>> scored(DateRange range, String businessUnit) {
        return perPeriod(List.of(range), businessUnit, (period, team) -> team).map(List::getFirst);
    }

    /**
     * For each of consecutive periods, the people on the active roster when the period is judged (in the unit
     * and role they had then), scored against the objectives in force then, and reduced by {@code report}
     * before the next period is scored, so that only one period's scorecards are held at a time.
     */
    public <R> Uni<List<R>> perPeriod(
            List<DateRange> periods, String businessUnit, BiFunction<DateRange, List<Scored>, R> report) {
        OffsetDateTime first = periods.getFirst().judgedAt();
        OffsetDateTime last = periods.getLast().judgedAt();
        return objectives
                .allInForceBetween(first, last)
                .flatMap(versions -> Uni.combine()
                        .all()
                        .unis(
                                roster.membershipsDuring(first, last, businessUnit),
                                usage.usage(periods, null, businessUnit, ScorecardCalculator.countedActions(versions)))
                        .with((memberships, used) -> {
                            ObjectivesInForce inForce = new ObjectivesInForce(versions);
                            List<R> reports = new ArrayList<>(periods.size());
                            for (int i = 0; i < periods.size(); i++) {
                                DateRange period = periods.get(i);
                                OffsetDateTime judged = period.judgedAt();
                                reports.add(report.apply(
                                        period,
                                        score(
                                                memberships.activeAt(judged, businessUnit),
                                                inForce.at(judged),
                                                used,
                                                i,
                                                period)));
                            }
                            return reports;
                        }));
    }

    /**
     * The scorecards of these people over the range (people not on the roster left out), each in the unit and role
     * they had when it is judged (or their roster entry now, if they were not on the roster then): three queries
     * whatever the number of people, each person a primary-key lookup.
     */
    public Uni<Map<String, ScorecardView>> of(DateRange range, Collection<String> userIds) {
        OffsetDateTime judged = range.judgedAt();
        return objectives.allInForceBetween(judged, judged).flatMap(versions -> {
            Map<String, ObjectivesView> byTeam = new ObjectivesInForce(versions).at(judged);
            return Uni.combine()
                    .all()
                    .unis(
                            roster.membershipsAt(userIds, judged),
                            usage.usageOf(range, userIds, ScorecardCalculator.countedActions(byTeam.values())))
                    .with((people, used) -> {
                        Map<String, ScorecardView> cards = new HashMap<>();
                        for (Memberships.Entry person : people) {
                            cards.put(
                                    person.userId(),
                                    ScorecardCalculator.score(
                                            person,
                                            byTeam.get(ObjectivesInForce.team(person.businessUnit(), person.jobRole())),
                                            range.from(),
                                            range.to(),
                                            used.getOrDefault(person.userId(), Usage.empty())));
                        }
                        return cards;
                    });
        });
    }

    private static List<Scored> score(
            List<Memberships.Entry> people,
            Map<String, ObjectivesView> byTeam,
            TeamUsage used,
            int period,
            DateRange range) {
        return people.stream()
                .map(person -> {
                    Usage usage = used.of(person.userId(), period);
                    return new Scored(
                            person,
                            ScorecardCalculator.score(
                                    person,
                                    byTeam.get(ObjectivesInForce.team(person.businessUnit(), person.jobRole())),
                                    range.from(),
                                    range.to(),
                                    usage),
                            usage);
                })
                .toList();
    }
}
