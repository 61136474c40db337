package io.uptake.training.skill;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Each person's latest score per skill ({@code skill_score}). */
@ApplicationScoped
public class SkillScoreStore {

    /** Records an attempt's scores as the person's latest, unless a later attempt's are recorded already. */
    public Uni<Void> record(
            SqlClient client,
            UUID attemptId,
            String userId,
            String businessUnit,
            String jobRole,
            OffsetDateTime scoredAt,
            List<SkillScore> scores) {
        return client.preparedQuery("""
                        insert into skill_score (user_id, skill, score, passed, attempt_id, business_unit, job_role, scored_at)
                        select $1, s.skill, s.score, s.passed, $2, $3, $4, $5
                        from unnest($6::varchar[], $7::int[], $8::boolean[]) as s(skill, score, passed)
                        on conflict (user_id, skill) do update set score = excluded.score, passed = excluded.passed,
                            attempt_id = excluded.attempt_id, business_unit = excluded.business_unit, job_role = excluded.job_role,
                            scored_at = excluded.scored_at
                        where skill_score.scored_at <= excluded.scored_at""")
                .execute(Tuple.tuple(Arrays.asList(
                        userId,
                        attemptId,
                        businessUnit,
                        jobRole,
                        scoredAt,
                        scores.stream().map(SkillScore::skill).toArray(String[]::new),
                        scores.stream().map(SkillScore::score).toArray(Integer[]::new),
                        scores.stream().map(SkillScore::passed).toArray(Boolean[]::new))))
                .replaceWithVoid();
    }
}
