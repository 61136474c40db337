package io.uptake.feedback.item;

import io.uptake.feedback.access.Anonymity;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;

/**
 * An item in a list: the start of its description only, so that a page stays small; its {@code version}, so
 * that a board built from a list can move an item without reading each one first; {@code duplicateOf}, so that a
 * closed duplicate links to its original. An {@code anonymous} item
 * shows its submitter and their {@code submitterName} only to the submitter ({@link #seenBy}).
 */
public record ItemSummary(
        long id,
        Kind kind,
        String title,
        String excerpt,
        String area,
        Status status,
        String statusLabel,
        int votes,
        String submittedBy,
        String submitterName,
        boolean anonymous,
        OffsetDateTime createdAt,
        int version,
        Long duplicateOf) {

    public static ItemSummary of(Row row) {
        return new ItemSummary(
                row.getLong("id"),
                Kind.valueOf(row.getString("kind")),
                row.getString("title"),
                row.getString("excerpt"),
                row.getString("area"),
                Status.valueOf(row.getString("status")),
                row.getString("status_label"),
                row.getInteger("votes"),
                row.getString("submitted_by"),
                row.getString("submitter_name"),
                row.getBoolean("anonymous"),
                row.getOffsetDateTime("created_at"),
                row.getInteger("version"),
                row.getLong("duplicate_of"));
    }

    public ItemSummary seenBy(String viewer) {
        return Anonymity.revealed(anonymous, submittedBy, viewer)
                ? this
                : new ItemSummary(
                        id,
                        kind,
                        title,
                        excerpt,
                        area,
                        status,
                        statusLabel,
                        votes,
                        null,
                        null,
                        true,
                        createdAt,
                        version,
                        duplicateOf);
    }
}
