package io.uptake.feedback.status;

import io.smallrye.mutiny.Uni;
import io.uptake.feedback.item.Status;
import io.uptake.platform.api.Conflict;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The SQL of the status labels (table {@code status_label}): a row per status the organisation has named. */
@ApplicationScoped
public class StatusLabelStore {

    private final Pool pool;

    public StatusLabelStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<StatusView>> all() {
        return named(pool).map(named -> {
            List<StatusView> statuses = new ArrayList<>();
            for (Status status : Status.values()) {
                statuses.add(StatusView.of(status, StatusLabels.labelOf(status, named)));
            }
            return statuses;
        });
    }

    /** Names {@code status}; a 409 when another status shows that label already. */
    public Uni<StatusView> rename(Status status, String label, String admin) {
        String cleaned = StatusLabels.cleaned(label);
        return pool.withTransaction(connection -> connection
                        // one rename at a time, so that two cannot take the same label unseen
                        .query("lock table status_label in share row exclusive mode")
                        .execute()
                        .flatMap(locked -> named(connection))
                        .flatMap(named -> {
                            StatusLabels.clash(status, cleaned, named).ifPresent(other -> {
                                throw new Conflict("The status " + other + " is already labelled '"
                                        + StatusLabels.labelOf(other, named) + "'");
                            });
                            return connection.preparedQuery("""
                                    insert into status_label (status, label, updated_by) values ($1, $2, $3)
                                    on conflict (status) do update set label = excluded.label,
                                        updated_by = excluded.updated_by, updated_at = now()""").execute(Tuple.of(status.name(), cleaned, admin));
                        }))
                .replaceWith(StatusView.of(status, cleaned));
    }

    /** Gives {@code status} its code back as its label; a 409 when another status is labelled with that code. */
    public Uni<StatusView> reset(Status status) {
        return pool.withTransaction(connection -> connection
                        .query("lock table status_label in share row exclusive mode")
                        .execute()
                        .flatMap(locked -> named(connection))
                        .flatMap(named -> {
                            named.remove(status);
                            StatusLabels.clash(status, status.name(), named).ifPresent(other -> {
                                throw new Conflict("The status " + other + " is labelled '" + status.name() + "'");
                            });
                            return connection
                                    .preparedQuery("delete from status_label where status = $1")
                                    .execute(Tuple.of(status.name()));
                        }))
                .replaceWith(StatusView.of(status, status.name()));
    }

    private static Uni<Map<Status, String>> named(SqlClient client) {
        return client.query("select status, label from status_label").execute().map(rows -> {
            Map<Status, String> named = new EnumMap<>(Status.class);
            rows.forEach(row -> named.put(Status.valueOf(row.getString("status")), row.getString("label")));
            return named;
        });
    }
}
