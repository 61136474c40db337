package io.uptake.feedback.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.outbox.Outbox;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;

/** Writes a feedback event into the outbox, inside the caller's transaction, keyed by its item. */
@ApplicationScoped
public class FeedbackOutbox {

    private final ObjectMapper json;
    private final Outbox outbox;

    public FeedbackOutbox(ObjectMapper json, Outbox outbox) {
        this.json = json;
        this.outbox = outbox;
    }

    public Uni<Void> write(SqlConnection connection, FeedbackEvent event) {
        return outbox.write(
                connection, FeedbackChannels.FEEDBACK_EVENTS, Long.toString(event.itemId()), serialise(event));
    }

    private String serialise(FeedbackEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
