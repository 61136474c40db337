package io.uptake.feedback.workflow;

import io.smallrye.mutiny.Uni;
import io.uptake.feedback.item.Status;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The items' workflow history (table {@code status_change}): written with each move, read oldest first. */
@ApplicationScoped
public class StatusChangeStore {

    private final Pool pool;

    public StatusChangeStore(Pool pool) {
        this.pool = pool;
    }

    /** Keeps the move in the item's history, in the transaction that made it; {@code actorName} may be null. */
    public Uni<Void> record(
            SqlConnection connection,
            long itemId,
            String actor,
            String actorName,
            Status from,
            Status to,
            String note) {
        return connection
                .preparedQuery(
                        "insert into status_change (item_id, actor, from_status, to_status, note, actor_name) values ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.from(new Object[] {itemId, actor, from.name(), to.name(), note, actorName}))
                .replaceWithVoid();
    }

    public Uni<List<HistoryEntry>> history(long itemId) {
        return pool.preparedQuery("select * from status_change where item_id = $1 order by id")
                .execute(Tuple.of(itemId))
                .map(rows -> {
                    List<HistoryEntry> entries = new ArrayList<>(rows.size());
                    rows.forEach(row -> entries.add(HistoryEntry.of(row)));
                    return entries;
                });
    }
}
