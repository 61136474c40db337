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
 * Scorecards for everyone on the roster (or one business unit) at once: three queries whatever the
 * number of people, people who never used the CRM included.
 */
@ApplicationScoped
public class TeamScorecards {

    private final RosterStore roster;
    private final ObjectiveStore objectives;
    private final UsageQueries usage;

    public TeamScorecards(RosterStore roster, ObjectiveStore objectives, UsageQueries usage) {
        this.roster = roster;
        this.objectives = objectives;
        this.usage = usage;
    }

    public Uni<List<ScorecardView>> scorecards(DateRange range, String businessUnit) {
        return Uni.combine().all()
                .unis(roster.active(businessUnit), objectives.allInForceAt(range.judgedAt()), usage.usage(range, null, businessUnit))
                .with((people, inForce, used) -> score(people, inForce, used, range));
    }

    private static List<ScorecardView> score(List<PersonView> people, List<ObjectivesView> inForce, Map<String, Usage> used, DateRange range) {
        Map<String, ObjectivesView> byTeam = inForce.stream().collect(Collectors.toMap(o -> team(o.businessUnit(), o.jobRole()), Function.identity()));
        return people.stream()
                .map(person -> ScorecardCalculator.score(person, byTeam.get(team(person.businessUnit(), person.jobRole())),
                        range.from(), range.to(), used.getOrDefault(person.userId(), Usage.empty())))
                .toList();
    }

    private static String team(String businessUnit, String jobRole) {
        return businessUnit + '\u0000' + jobRole;
    }
}
