package io.uptake.training.outbox;

import io.smallrye.mutiny.Uni;
import io.uptake.training.api.Json;
import io.uptake.training.assignment.AssignmentView;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Writes {@code training.assigned} / {@code training.completed} to the outbox, in the caller's
 * transaction (key userId; value {@code {"eventId","type","occurredAt","assignment":{…}}}).
 */
@ApplicationScoped
public class TrainingEvents {

    public static final String ASSIGNED = "training.assigned";
    public static final String COMPLETED = "training.completed";

    /** The value of a record on {@code uptake.training-events}. */
    public record TrainingEvent(UUID eventId, String type, OffsetDateTime occurredAt, AssignmentView assignment) {
    }

    private final Json json;
    private final OutboxRelay relay;

    public TrainingEvents(Json json, OutboxRelay relay) {
        this.json = json;
        this.relay = relay;
    }

    public Uni<Void> record(SqlClient client, String type, List<AssignmentView> assignments) {
        if (assignments.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String[] keys = assignments.stream().map(AssignmentView::userId).toArray(String[]::new);
        String[] payloads = assignments.stream().map(a -> json.write(new TrainingEvent(UUID.randomUUID(), type, now, a))).toArray(String[]::new);
        return client.preparedQuery("insert into outbox (channel, key, payload, traceparent) select 'training-events', k, p, $3 from unnest($1::varchar[], $2::text[]) as t(k, p)")
                .execute(Tuple.of(keys, payloads, OutboxTrace.current()))
                .replaceWithVoid();
    }

    /** Asks the relay to publish soon (after the transaction committed). */
    public void flushSoon() {
        relay.nudge();
    }
}
