package io.uptake.training.assignment;

import io.smallrye.mutiny.Uni;
import io.uptake.training.attempt.AttemptResult;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** What a scored attempt leads to, in the submit's transaction: the latest scores per skill, and retraining for the weak skills only. */
@ApplicationScoped
public class Retraining {

    /** A scored attempt. */
    public record Scored(UUID attemptId, UUID testId, String userId, String businessUnit, String jobRole,
            List<AttemptResult.SkillScore> scores, OffsetDateTime at) {
    }

    public Uni<List<AssignmentView>> afterScoring(SqlConnection connection, Scored scored) {
        return recordScores(connection, scored).replaceWith(List.of());
    }

    private Uni<Void> recordScores(SqlConnection connection, Scored scored) {
        return connection.preparedQuery("""
                        insert into skill_score (user_id, skill, score, passed, attempt_id, business_unit, job_role, scored_at)
                        select $1, s.skill, s.score, s.passed, $2, $3, $4, $5
                        from unnest($6::varchar[], $7::int[], $8::boolean[]) as s(skill, score, passed)
                        on conflict (user_id, skill) do update set score = excluded.score, passed = excluded.passed,
                            attempt_id = excluded.attempt_id, business_unit = excluded.business_unit, job_role = excluded.job_role,
                            scored_at = excluded.scored_at
                        where skill_score.scored_at <= excluded.scored_at""")
                .execute(Tuple.tuple(Arrays.asList(scored.userId(), scored.attemptId(), scored.businessUnit(), scored.jobRole(), scored.at(),
                        scored.scores().stream().map(AttemptResult.SkillScore::skill).toArray(String[]::new),
                        scored.scores().stream().map(AttemptResult.SkillScore::score).toArray(Integer[]::new),
                        scored.scores().stream().map(AttemptResult.SkillScore::passed).toArray(Boolean[]::new))))
                .replaceWithVoid();
    }
}
