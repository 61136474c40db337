package io.uptake.feedback.webhook;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.List;

/** A registered webhook, without its secret. */
public record WebhookView(
        long id,
        String url,
        List<String> events,
        String format,
        boolean active,
        String createdBy,
        OffsetDateTime createdAt) {

    static WebhookView of(Row row) {
        return new WebhookView(
                row.getLong("id"),
                row.getString("url"),
                List.of(row.getArrayOfStrings("events")),
                row.getString("format"),
                row.getBoolean("active"),
                row.getString("created_by"),
                row.getOffsetDateTime("created_at"));
    }
}
