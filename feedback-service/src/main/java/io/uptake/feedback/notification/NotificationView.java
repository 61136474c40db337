package io.uptake.feedback.notification;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;

/**
 * One message in a person's inbox: about an item they submitted, voted for or follow, or their weekly digest
 * (kind {@code DIGEST}, {@code itemId} null).
 */
public record NotificationView(
        long id, Long itemId, String kind, String message, OffsetDateTime createdAt, OffsetDateTime readAt) {

    static NotificationView of(Row row) {
        return new NotificationView(
                row.getLong("id"),
                row.getLong("item_id"),
                row.getString("kind"),
                row.getString("message"),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("read_at"));
    }
}
