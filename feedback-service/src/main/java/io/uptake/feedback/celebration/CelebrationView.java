package io.uptake.feedback.celebration;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An implemented suggestion in the company feed: what, whose idea, how many wanted it, when. */
public record CelebrationView(
        UUID id,
        long itemId,
        String title,
        String submittedBy,
        String businessUnit,
        int votes,
        OffsetDateTime implementedAt) {

    public static CelebrationView of(Row row) {
        return new CelebrationView(
                row.getUUID("event_id"),
                row.getLong("item_id"),
                row.getString("title"),
                row.getString("submitted_by"),
                row.getString("business_unit"),
                row.getInteger("votes"),
                row.getOffsetDateTime("implemented_at"));
    }
}
