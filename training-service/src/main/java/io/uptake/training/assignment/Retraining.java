package io.uptake.training.assignment;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.uptake.training.module.Mode;
import io.uptake.training.module.ModuleService;
import io.uptake.training.policy.PolicyService;
import io.uptake.training.policy.PolicyView;
import io.uptake.training.preference.Preferences;
import io.uptake.training.session.Seats;
import io.uptake.training.skill.SkillScore;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What a scored attempt leads to, in the submit's transaction: the latest score per skill, the
 * person's open assignments of this test completed, and for each skill under the business unit's
 * threshold (and only those) the retraining {@link RetrainingPlanner} plans (the mode by the gap under
 * the pass mark and the person's preference, {@link RetrainingMode}), with the next free seat booked
 * when instructor-led (else a place on the next session's waitlist), saying why.
 */
@ApplicationScoped
public class Retraining {

    /** A scored attempt. */
    public record Scored(
            UUID attemptId,
            UUID testId,
            String userId,
            String businessUnit,
            String jobRole,
            List<SkillScore> scores,
            OffsetDateTime at) {}

    private final PolicyService policies;
    private final AssignmentStore assignments;
    private final Seats seats;
    private final TrainingEvents events;
    private final ModuleService modules;
    private final Preferences preferences;

    public Retraining(
            PolicyService policies,
            AssignmentStore assignments,
            Seats seats,
            TrainingEvents events,
            ModuleService modules,
            Preferences preferences) {
        this.preferences = preferences;
        this.modules = modules;
        this.policies = policies;
        this.assignments = assignments;
        this.seats = seats;
        this.events = events;
    }

    public Uni<List<AssignmentView>> afterScoring(SqlConnection connection, Scored scored) {
        return recordScores(connection, scored)
                .flatMap(done -> completeTestAssignments(connection, scored))
                .flatMap(done -> policies.find(connection, scored.businessUnit()))
                .flatMap(policy -> {
                    List<SkillScore> weak = scored.scores().stream()
                            .filter(score -> score.score() < RetrainingPlanner.threshold(policy, score.passMark()))
                            .toList();
                    return Multi.createFrom()
                            .iterable(weak)
                            .onItem()
                            .transformToUniAndConcatenate(score -> assign(connection, scored, policy, score))
                            .collect()
                            .asList();
                })
                .map(ids -> ids.stream().filter(id -> id != null).toList())
                .flatMap(ids -> assignments.findAll(connection, ids))
                .call(created -> events.record(connection, TrainingEvents.ASSIGNED, created));
    }

    /** One assignment for a weak skill, unless the person already has open training for it. */
    private Uni<UUID> assign(SqlConnection connection, Scored scored, PolicyView policy, SkillScore score) {
        return connection
                .preparedQuery(
                        "select 1 from assignment where user_id = $1 and skill = $2 and kind = 'TRAINING' and status in "
                                + AssignmentStore.OPEN)
                .execute(Tuple.of(scored.userId(), score.skill()))
                .flatMap(open -> {
                    if (open.size() > 0) {
                        return Uni.createFrom().nullItem();
                    }
                    return modules.candidates(connection, score.skill(), null)
                            .flatMap(candidates -> preferences
                                    .of(connection, scored.userId())
                                    .map(personal -> RetrainingPlanner.training(
                                            policy,
                                            personal,
                                            RetrainingMode.forGap(
                                                    RetrainingMode.gap(score.score(), score.passMark()),
                                                    policy.instructorLedFromGap()),
                                            candidates,
                                            scored.at()
                                                    .atZoneSameInstant(ZoneOffset.UTC)
                                                    .toLocalDate(),
                                            null)))
                            .flatMap(plan -> {
                                AssignmentStore.Draft draft = new AssignmentStore.Draft(
                                        scored.userId(),
                                        scored.businessUnit(),
                                        "TRAINING",
                                        score.skill(),
                                        plan.moduleId(),
                                        plan.mode().name(),
                                        scored.testId(),
                                        plan.dueOn(),
                                        Reason.score(
                                                score.skill(),
                                                score.score(),
                                                RetrainingPlanner.threshold(policy, score.passMark()),
                                                scored.attemptId()),
                                        "system");
                                return assignments
                                        .insert(connection, draft)
                                        .call(id -> plan.moduleId() != null && plan.mode() == Mode.INSTRUCTOR_LED
                                                ? book(connection, plan.moduleId(), scored.userId(), id)
                                                : Uni.createFrom().voidItem());
                            });
                });
    }

    /**
     * Books an instructor-led assignment into the next session with a free seat, else onto the waitlist of
     * the next session (full); nothing when no session is scheduled.
     */
    public Uni<Void> book(SqlConnection connection, UUID moduleId, String userId, UUID assignmentId) {
        return seats.bookNext(connection, moduleId, userId, assignmentId)
                .flatMap(session -> session != null
                        ? connection
                                .preparedQuery("update assignment set session_id = $2 where id = $1")
                                .execute(Tuple.of(assignmentId, session.id()))
                                .replaceWithVoid()
                        : seats.nextSession(connection, moduleId)
                                .flatMap(next -> next == null
                                        ? Uni.createFrom().voidItem()
                                        : seats.seatOrWait(connection, next, userId, assignmentId)
                                                .replaceWithVoid()));
    }

    private Uni<Void> completeTestAssignments(SqlConnection connection, Scored scored) {
        return connection
                .preparedQuery("""
                        update assignment set status = 'COMPLETED', completed_at = now(), updated_at = now()
                        where user_id = $1 and test_id = $2 and kind = 'TEST' and status in """ + AssignmentStore.OPEN + " returning id")
                .execute(Tuple.of(scored.userId(), scored.testId()))
                .flatMap(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getUUID("id")));
                    return assignments.findAll(connection, ids);
                })
                .flatMap(done -> events.record(connection, TrainingEvents.COMPLETED, done));
    }

    private Uni<Void> recordScores(SqlConnection connection, Scored scored) {
        return connection
                .preparedQuery("""
                        insert into skill_score (user_id, skill, score, passed, attempt_id, business_unit, job_role, scored_at)
                        select $1, s.skill, s.score, s.passed, $2, $3, $4, $5
                        from unnest($6::varchar[], $7::int[], $8::boolean[]) as s(skill, score, passed)
                        on conflict (user_id, skill) do update set score = excluded.score, passed = excluded.passed,
                            attempt_id = excluded.attempt_id, business_unit = excluded.business_unit, job_role = excluded.job_role,
                            scored_at = excluded.scored_at
                        where skill_score.scored_at <= excluded.scored_at""")
                .execute(Tuple.tuple(Arrays.asList(
                        scored.userId(),
                        scored.attemptId(),
                        scored.businessUnit(),
                        scored.jobRole(),
                        scored.at(),
                        scored.scores().stream().map(SkillScore::skill).toArray(String[]::new),
                        scored.scores().stream().map(SkillScore::score).toArray(Integer[]::new),
                        scored.scores().stream().map(SkillScore::passed).toArray(Boolean[]::new))))
                .replaceWithVoid();
    }
}
