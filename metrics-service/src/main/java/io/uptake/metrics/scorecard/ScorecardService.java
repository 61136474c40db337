package io.uptake.metrics.scorecard;

import io.smallrye.mutiny.Uni;
import io.uptake.metrics.access.Viewer;
import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.objective.ObjectiveService;
import io.uptake.metrics.roster.PersonView;
import io.uptake.metrics.roster.RosterService;
import io.quarkus.security.ForbiddenException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

@ApplicationScoped
public class ScorecardService {

    private final RosterService roster;
    private final ObjectiveService objectives;
    private final Pool pool;

    public ScorecardService(RosterService roster, ObjectiveService objectives, Pool pool) {
        this.roster = roster;
        this.objectives = objectives;
        this.pool = pool;
    }

    /** The scorecard, judged by the objectives in force when the range closed (or now, for a range still open). */
    public Uni<ScorecardView> scorecard(Viewer viewer, String userId, DateRange range) {
        return roster.find(userId).flatMap(person -> {
            if (!mayRead(viewer, userId, person)) {
                return Uni.createFrom().failure(new ForbiddenException());
            }
            if (person == null) {
                return Uni.createFrom().failure(new NotFoundException("No person '" + userId + "' in the roster"));
            }
            OffsetDateTime closedAt = range.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
            OffsetDateTime judgedAt = closedAt.isAfter(OffsetDateTime.now(ZoneOffset.UTC)) ? OffsetDateTime.now(ZoneOffset.UTC) : closedAt.minusNanos(1000);
            return objectives.inForceAt(person.businessUnit(), person.jobRole(), judgedAt)
                    .flatMap(inForce -> usage(userId, range)
                            .map(usage -> ScorecardCalculator.score(person, inForce, range.from(), range.to(), usage)));
        });
    }

    private static boolean mayRead(Viewer viewer, String userId, PersonView person) {
        return viewer.userId().equals(userId) || viewer.admin() || viewer.executive()
                || (person != null && viewer.managesUnit(person.businessUnit()));
    }

    private Uni<Usage> usage(String userId, DateRange range) {
        return pool.preparedQuery("select day, action, events from daily_rollup where user_id = $1 and day between $2 and $3")
                .execute(Tuple.of(userId, range.from(), range.to()))
                .map(rows -> {
                    Usage usage = new Usage();
                    rows.forEach(row -> usage.add(row.getLocalDate("day"), row.getString("action"), row.getLong("events")));
                    return usage;
                });
    }
}
