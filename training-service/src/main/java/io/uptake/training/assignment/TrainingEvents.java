package io.uptake.training.assignment;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.Json;
import io.uptake.platform.outbox.Outbox;
import io.uptake.training.outbox.TrainingChannels;
import io.vertx.mutiny.sqlclient.SqlClient;
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
    public record TrainingEvent(UUID eventId, String type, OffsetDateTime occurredAt, AssignmentView assignment) {}

    private final Json json;
    private final Outbox outbox;

    public TrainingEvents(Json json, Outbox outbox) {
        this.json = json;
        this.outbox = outbox;
    }

    public Uni<Void> record(SqlClient client, String type, List<AssignmentView> assignments) {
        if (assignments.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return outbox.writeAll(
                client,
                TrainingChannels.TRAINING_EVENTS,
                assignments.stream().map(AssignmentView::userId).toList(),
                assignments.stream()
                        .map(a -> json.write(new TrainingEvent(UUID.randomUUID(), type, now, a)))
                        .toList());
    }

    /** Asks the relay to publish soon (after the transaction committed). */
    public void runSoon() {
        outbox.runSoon();
    }
}
