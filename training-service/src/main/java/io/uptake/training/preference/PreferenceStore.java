package io.uptake.training.preference;

import io.smallrye.mutiny.Uni;
import io.uptake.training.module.Mode;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** The learning mode each person prefers, in PostgreSQL ({@code learning_preference}). */
@ApplicationScoped
public class PreferenceStore {

    private final Pool pool;

    public PreferenceStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<Mode> of(String userId) {
        return of(pool, userId);
    }

    public Uni<Void> set(String userId, Mode mode) {
        return set(pool, userId, mode);
    }

    /** The person's preferred mode; null when they stated none. */
    public Uni<Mode> of(SqlClient client, String userId) {
        return client.preparedQuery("select preferred_mode from learning_preference where user_id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> rows.size() == 0
                        ? null
                        : Mode.valueOf(rows.iterator().next().getString("preferred_mode")));
    }

    /** Sets (or, with null, clears) the person's preferred mode. */
    public Uni<Void> set(SqlClient client, String userId, Mode mode) {
        if (mode == null) {
            return client.preparedQuery("delete from learning_preference where user_id = $1")
                    .execute(Tuple.of(userId))
                    .replaceWithVoid();
        }
        return client.preparedQuery("""
                        insert into learning_preference (user_id, preferred_mode) values ($1, $2)
                        on conflict (user_id) do update set preferred_mode = excluded.preferred_mode, updated_at = now()""").execute(Tuple.of(userId, mode.name())).replaceWithVoid();
    }
}
