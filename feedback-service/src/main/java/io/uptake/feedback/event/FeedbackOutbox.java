package io.uptake.feedback.event;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.Json;
import io.uptake.platform.outbox.Outbox;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes a feedback event into the outbox, inside the caller's transaction, keyed by its item. */
@ApplicationScoped
public class FeedbackOutbox {

    private final Json json;
    private final Outbox outbox;

    public FeedbackOutbox(Json json, Outbox outbox) {
        this.json = json;
        this.outbox = outbox;
    }

    public Uni<Void> write(SqlConnection connection, FeedbackEvent event) {
        return outbox.write(
                connection, FeedbackChannels.FEEDBACK_EVENTS, Long.toString(event.itemId()), json.write(event));
    }
}
