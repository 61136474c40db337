package io.uptake.feedback.celebration;

import io.uptake.feedback.access.Anonymity;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An implemented suggestion in the company feed: what, whose idea (their user id and {@code submitterName}, the
 * display name they submitted it with; null for items submitted before names were recorded), how many wanted it,
 * when. Whose idea an {@code anonymous} one was only its submitter sees ({@link #seenBy}).
 */
public record CelebrationView(
        UUID id,
        long itemId,
        String title,
        String submittedBy,
        String submitterName,
        String businessUnit,
        boolean anonymous,
        int votes,
        OffsetDateTime implementedAt) {

    public static CelebrationView of(Row row) {
        return new CelebrationView(
                row.getUUID("event_id"),
                row.getLong("item_id"),
                row.getString("title"),
                row.getString("submitted_by"),
                row.getString("submitter_name"),
                row.getString("business_unit"),
                row.getBoolean("anonymous"),
                row.getInteger("votes"),
                row.getOffsetDateTime("implemented_at"));
    }

    public CelebrationView seenBy(String viewer) {
        return Anonymity.revealed(anonymous, submittedBy, viewer)
                ? this
                : new CelebrationView(id, itemId, title, null, null, null, true, votes, implementedAt);
    }
}
