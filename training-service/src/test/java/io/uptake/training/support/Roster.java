package io.uptake.training.support;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

/** Test data written straight into the projections (the Kafka paths themselves: RosterProjectionTest and the attempt tests). */
public final class Roster {

    private Roster() {}

    /** A person of the roster projection as {@code uptake.people} fills it; {@code displayName} may be null. */
    public static void person(Pool pool, String userId, String displayName, String businessUnit) {
        pool.preparedQuery("""
                        insert into person (user_id, display_name, business_unit, job_role) values ($1, $2, $3, 'sales-rep')
                        on conflict (user_id) do update set display_name = excluded.display_name, business_unit = excluded.business_unit""")
                .execute(Tuple.tuple(Arrays.asList(userId, displayName, businessUnit)))
                .await()
                .atMost(Duration.ofSeconds(10));
    }

    /** A person's latest score on a skill, as a submitted test leaves it. */
    public static void score(
            Pool pool, String userId, String businessUnit, String skill, int score, boolean passed, OffsetDateTime at) {
        pool.preparedQuery("""
                        insert into skill_score (user_id, skill, score, passed, attempt_id, business_unit, job_role, scored_at)
                        values ($1, $2, $3, $4, $5, $6, 'sales-rep', $7)""")
                .execute(Tuple.tuple(Arrays.asList(userId, skill, score, passed, UUID.randomUUID(), businessUnit, at)))
                .await()
                .atMost(Duration.ofSeconds(10));
    }

    public static void sql(Pool pool, String statement, Object... arguments) {
        pool.preparedQuery(statement)
                .execute(Tuple.tuple(Arrays.asList(arguments)))
                .await()
                .atMost(Duration.ofSeconds(60));
    }
}
