package io.uptake.feedback.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;

/** Writes a feedback event into the outbox, inside the caller's transaction, for {@link OutboxRelay} to publish. */
@ApplicationScoped
public class FeedbackOutbox {

    private final ObjectMapper json;

    public FeedbackOutbox(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Void> write(SqlConnection connection, FeedbackEvent event) {
        return connection.preparedQuery("insert into outbox (key, payload, traceparent) values ($1, $2, $3)")
                .execute(Tuple.of(Long.toString(event.itemId()), serialise(event), OutboxTrace.current()))
                .replaceWithVoid();
    }

    private String serialise(FeedbackEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
