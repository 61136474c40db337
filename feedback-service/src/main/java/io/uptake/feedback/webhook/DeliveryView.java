package io.uptake.feedback.webhook;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One attempt to deliver an event to a webhook, as kept in the delivery log. */
public record DeliveryView(
        long id,
        UUID eventId,
        int attempt,
        Integer statusCode,
        String error,
        boolean succeeded,
        OffsetDateTime attemptedAt) {

    static DeliveryView of(Row row) {
        return new DeliveryView(
                row.getLong("id"),
                row.getUUID("event_id"),
                row.getInteger("attempt"),
                row.getInteger("status_code"),
                row.getString("error"),
                row.getBoolean("succeeded"),
                row.getOffsetDateTime("attempted_at"));
    }
}
