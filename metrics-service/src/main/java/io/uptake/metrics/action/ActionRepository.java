package io.uptake.metrics.action;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** The codes of the action catalogue, read in one statement for ingestion (the catalogue itself is {@link ActionService}). */
@ApplicationScoped
public class ActionRepository {

    private final Pool pool;

    public ActionRepository(Pool pool) {
        this.pool = pool;
    }

    /** Every code in the catalogue: ingestion validates with it. */
    public Uni<Set<String>> codes() {
        return pool.query("select code from action")
                .execute()
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map((Row row) -> row.getString("code"))
                        .collect(Collectors.toUnmodifiableSet()));
    }
}
