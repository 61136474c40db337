package io.uptake.training.assignment;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.uptake.training.module.ModuleStore;
import io.uptake.training.policy.PolicyService;
import io.uptake.training.policy.PolicyView;
import io.uptake.training.preference.PreferenceStore;
import io.uptake.training.skill.SkillScore;
import io.uptake.training.skill.SkillScoreStore;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a scored attempt leads to, in the submit's transaction: the latest score per skill, the
 * person's open assignments of this test that the attempt answered completed, and for each skill under the business unit's
 * threshold (and only those) the retraining {@link RetrainingPlanner} plans (the mode by the gap under
 * the pass mark and the person's preference, {@link RetrainingMode}), with the next free seat booked
 * when instructor-led (else a place on the next session's waitlist), saying why.
 */
@ApplicationScoped
public class Retraining {

    /** A scored attempt; {@code skill} the one skill it drew (a re-test), null for the whole test. */
    public record Scored(
            UUID attemptId,
            UUID testId,
            String userId,
            String businessUnit,
            String jobRole,
            String skill,
            List<SkillScore> scores,
            OffsetDateTime at) {}

    private final PolicyService policies;
    private final AssignmentStore assignments;
    private final Assigner assigner;
    private final TrainingEvents events;
    private final ModuleStore modules;
    private final PreferenceStore preferences;
    private final SkillScoreStore skillScores;

    public Retraining(
            PolicyService policies,
            AssignmentStore assignments,
            Assigner assigner,
            TrainingEvents events,
            ModuleStore modules,
            PreferenceStore preferences,
            SkillScoreStore skillScores) {
        this.policies = policies;
        this.assignments = assignments;
        this.assigner = assigner;
        this.events = events;
        this.modules = modules;
        this.preferences = preferences;
        this.skillScores = skillScores;
    }

    public Uni<List<AssignmentView>> afterScoring(SqlConnection connection, Scored scored) {
        return skillScores
                .record(
                        connection,
                        scored.attemptId(),
                        scored.userId(),
                        scored.businessUnit(),
                        scored.jobRole(),
                        scored.at(),
                        scored.scores())
                .flatMap(done -> completeTestAssignments(connection, scored))
                .flatMap(done -> policies.find(connection, scored.businessUnit()))
                .flatMap(policy -> Multi.createFrom()
                        .iterable(weak(scored, policy))
                        .onItem()
                        .transformToUniAndConcatenate(score -> assign(connection, scored, policy, score))
                        .collect()
                        .asList())
                .map(ids -> ids.stream().filter(Objects::nonNull).toList())
                .flatMap(ids -> assigner.announce(connection, ids));
    }

    private static List<SkillScore> weak(Scored scored, PolicyView policy) {
        return scored.scores().stream()
                .filter(score -> score.score() < RetrainingPlanner.threshold(policy, score.passMark()))
                .toList();
    }

    /** One assignment for a weak skill, unless the person already has open training for it. */
    private Uni<UUID> assign(SqlConnection connection, Scored scored, PolicyView policy, SkillScore score) {
        return assigner.hasOpenTraining(connection, scored.userId(), score.skill())
                .flatMap(open -> open
                        ? Uni.createFrom().<UUID>nullItem()
                        : plan(connection, scored, policy, score)
                                .flatMap(plan -> assigner.insert(connection, draft(scored, policy, score, plan))));
    }

    private Uni<RetrainingPlanner.Plan> plan(
            SqlConnection connection, Scored scored, PolicyView policy, SkillScore score) {
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
                                scored.at().atZoneSameInstant(ZoneOffset.UTC).toLocalDate(),
                                null)));
    }

    private static AssignmentDraft draft(
            Scored scored, PolicyView policy, SkillScore score, RetrainingPlanner.Plan plan) {
        return new AssignmentDraft(
                scored.userId(),
                scored.businessUnit(),
                AssignmentKind.TRAINING,
                score.skill(),
                plan.moduleId(),
                plan.mode(),
                scored.testId(),
                plan.dueOn(),
                Reason.score(
                        score.skill(),
                        score.score(),
                        RetrainingPlanner.threshold(policy, score.passMark()),
                        scored.attemptId()),
                "system");
    }

    private Uni<Void> completeTestAssignments(SqlConnection connection, Scored scored) {
        return assignments
                .completeTests(connection, scored.userId(), scored.testId(), scored.skill())
                .flatMap(ids -> assignments.findAll(connection, ids))
                .flatMap(done -> events.record(connection, TrainingEvents.COMPLETED, done));
    }
}
