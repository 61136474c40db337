package io.uptake.training.inbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The events already handled ({@code processed_event}): a consumer or timer claims an event's key in the
 * transaction that handles it, so a redelivered event (or a second run) does nothing.
 */
@ApplicationScoped
public class ProcessedEventStore {

    /** Records the key; false when it was recorded already. */
    public Uni<Boolean> claim(SqlClient client, String eventKey) {
        return client.preparedQuery("insert into processed_event (event_key) values ($1) on conflict do nothing")
                .execute(Tuple.of(eventKey))
                .map(rows -> rows.rowCount() == 1);
    }
}
