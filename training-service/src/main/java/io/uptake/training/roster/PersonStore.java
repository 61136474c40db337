package io.uptake.training.roster;

import io.smallrye.mutiny.Uni;
import io.uptake.training.roster.PersonRecords.State;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/** The roster as training-service keeps it ({@code person}). */
@ApplicationScoped
public class PersonStore {

    private static final String UPSERT = """
            insert into person as p (user_id, display_name, business_unit, job_role, active, updated_at)
            select * from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::boolean[], $6::timestamptz[])
            on conflict (user_id) do update set display_name = excluded.display_name, business_unit = excluded.business_unit,
                job_role = excluded.job_role, active = excluded.active, updated_at = excluded.updated_at
            where p.updated_at <= excluded.updated_at""";

    private final Pool pool;

    public PersonStore(Pool pool) {
        this.pool = pool;
    }

    /** Applies a batch of states in one statement; an older state never overwrites a newer one. */
    Uni<Void> upsert(List<State> states) {
        Tuple arguments = Tuple.tuple(List.of(
                states.stream().map(State::userId).toArray(String[]::new),
                states.stream().map(State::displayName).toArray(String[]::new),
                states.stream().map(State::businessUnit).toArray(String[]::new),
                states.stream().map(State::jobRole).toArray(String[]::new),
                states.stream().map(State::active).toArray(Boolean[]::new),
                states.stream().map(State::updatedAt).toArray(OffsetDateTime[]::new)));
        return pool.preparedQuery(UPSERT).execute(arguments).replaceWithVoid();
    }

    /** The person's business unit; null when they are not on the roster or have none. */
    public Uni<String> businessUnitOf(SqlClient client, String userId) {
        return client.preparedQuery("select business_unit from person where user_id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("business_unit"));
    }

    public Uni<String> businessUnitOf(String userId) {
        return businessUnitOf(pool, userId);
    }
}
