package io.uptake.metrics.scorecard;

import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.objective.ObjectiveService;
import io.uptake.metrics.objective.ObjectivesView;
import io.uptake.metrics.roster.Memberships;
import io.uptake.metrics.roster.PersonView;
import io.uptake.metrics.roster.RosterService;
import io.uptake.metrics.roster.RosterStore;
import io.uptake.platform.access.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.util.List;

@ApplicationScoped
public class ScorecardService {

    private final RosterService roster;
    private final ObjectiveService objectives;
    private final UsageQueries usageQueries;
    private final RosterStore memberships;

    public ScorecardService(
            RosterService roster, ObjectiveService objectives, UsageQueries usageQueries, RosterStore memberships) {
        this.roster = roster;
        this.memberships = memberships;
        this.objectives = objectives;
        this.usageQueries = usageQueries;
    }

    /**
     * The scorecard, in the unit and role the person had when the range closed (or now, for a range still
     * open), judged by that team's objectives in force then.
     */
    public Uni<ScorecardView> scorecard(Caller caller, String userId, DateRange range) {
        return roster.find(userId).flatMap(person -> {
            if (!mayRead(caller, userId, person)) {
                return Uni.createFrom().failure(new ForbiddenException());
            }
            if (person == null) {
                return Uni.createFrom().failure(new NotFoundException("No person '" + userId + "' in the roster"));
            }
            return scorecard(person, range);
        });
    }

    private Uni<ScorecardView> scorecard(PersonView person, DateRange range) {
        String userId = person.userId();
        return memberships
                .membershipAt(userId, range.judgedAt())
                .map(then -> then != null
                        ? then
                        : new Memberships.Entry(
                                userId, person.businessUnit(), person.jobRole(), person.active(), null, null))
                .flatMap(then -> objectives
                        .inForceAt(then.businessUnit(), then.jobRole(), range.judgedAt())
                        .flatMap(inForce -> usage(userId, range, inForce)
                                .map(usage ->
                                        ScorecardCalculator.score(then, inForce, range.from(), range.to(), usage))));
    }

    private static boolean mayRead(Caller caller, String userId, PersonView person) {
        return caller.userId().equals(userId)
                || caller.admin()
                || caller.executive()
                || (person != null && caller.managesUnit(person.businessUnit()));
    }

    private Uni<Usage> usage(String userId, DateRange range, ObjectivesView inForce) {
        List<ObjectivesView> objectives = inForce == null ? List.of() : List.of(inForce);
        return usageQueries
                .usage(range, userId, null, ScorecardCalculator.countedActions(objectives))
                .map(byUser -> byUser.getOrDefault(userId, Usage.empty()));
    }
}
