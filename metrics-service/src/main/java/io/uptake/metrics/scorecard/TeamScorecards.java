package io.uptake.metrics.scorecard;

import io.smallrye.mutiny.Uni;
import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.objective.ObjectiveStore;
import io.uptake.metrics.objective.ObjectivesView;
import io.uptake.metrics.roster.PersonView;
import io.uptake.metrics.roster.RosterStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Scorecards for everyone on the roster (or one business unit) at once: four queries whatever the
 * number of people, people who never used the CRM included.
 */
@ApplicationScoped
public class TeamScorecards {

    /** One person of the team: their scorecard, and their usage (for reports that also count activity). */
    public record Scored(PersonView person, ScorecardView card, Usage usage) {
    }

    private final RosterStore roster;
    private final ObjectiveStore objectives;
    private final UsageQueries usage;

    public TeamScorecards(RosterStore roster, ObjectiveStore objectives, UsageQueries usage) {
        this.roster = roster;
        this.objectives = objectives;
        this.usage = usage;
    }

    public Uni<List<ScorecardView>> scorecards(DateRange range, String businessUnit) {
        return scored(range, businessUnit).map(team -> team.stream().map(Scored::card).toList());
    }

    public Uni<List<Scored>> scored(DateRange range, String businessUnit) {
        return objectives.allInForceAt(range.judgedAt()).flatMap(inForce -> Uni.combine().all()
                .unis(roster.active(businessUnit), usage.usage(range, null, businessUnit, ScorecardCalculator.countedActions(inForce)))
                .with((people, used) -> score(people, inForce, used, range)));
    }

    private static List<Scored> score(List<PersonView> people, List<ObjectivesView> inForce, Map<String, Usage> used, DateRange range) {
        Map<String, ObjectivesView> byTeam = inForce.stream().collect(Collectors.toMap(o -> team(o.businessUnit(), o.jobRole()), Function.identity()));
        return people.stream()
                .map(person -> {
                    Usage usage = used.getOrDefault(person.userId(), Usage.empty());
                    return new Scored(person, ScorecardCalculator.score(person, byTeam.get(team(person.businessUnit(), person.jobRole())),
                            range.from(), range.to(), usage), usage);
                })
                .toList();
    }

    private static String team(String businessUnit, String jobRole) {
        return businessUnit + '\u0000' + jobRole;
    }
}
