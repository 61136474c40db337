package io.uptake.feedback.notification;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * One message in a person's inbox: about an item they submitted, voted for or follow, or their weekly digest
 * (kind {@code DIGEST}, {@code itemId} and {@code title} null). {@code title} is the item's current title, so that a
 * list can name the item without reading it; {@code lines} is {@code message} split at its line breaks, without
 * blank lines (a digest is several lines: its heading, its figures, a line per celebration).
 */
public record NotificationView(
        long id,
        Long itemId,
        String title,
        String kind,
        String message,
        List<String> lines,
        OffsetDateTime createdAt,
        OffsetDateTime readAt) {

    static NotificationView of(Row row) {
        String message = row.getString("message");
        return new NotificationView(
                row.getLong("id"),
                row.getLong("item_id"),
                row.getString("title"),
                row.getString("kind"),
                message,
                lines(message),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("read_at"));
    }

    static List<String> lines(String message) {
        if (message == null) {
            return List.of();
        }
        return Arrays.stream(message.split("\\R"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }
}
