package io.uptake.feedback.item;

import io.uptake.feedback.access.Anonymity;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;

/**
 * One feedback item as its readers see it; {@code version} is what a triage move may name to guard against a
 * concurrent one. {@code statusLabel} is the organisation's name for the status; {@code submitterName} the submitter's
 * display name when they submitted it (null for items submitted before names were recorded); an {@code anonymous}
 * item shows its submitter, their name and business unit only to the submitter ({@link #seenBy}).
 */
public record ItemView(
        long id,
        Kind kind,
        String title,
        String description,
        String area,
        Status status,
        String statusLabel,
        int votes,
        String submittedBy,
        String submitterName,
        boolean anonymous,
        String businessUnit,
        Long duplicateOf,
        int version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** What a query or RETURNING clause on {@code feedback_item} selects to build an item: its row and status label. */
    public static final String COLUMNS = "*, " + StatusLabelColumn.SQL;

    public static ItemView of(Row row) {
        return new ItemView(
                row.getLong("id"),
                Kind.valueOf(row.getString("kind")),
                row.getString("title"),
                row.getString("description"),
                row.getString("area"),
                Status.valueOf(row.getString("status")),
                row.getString("status_label"),
                row.getInteger("votes"),
                row.getString("submitted_by"),
                row.getString("submitter_name"),
                row.getBoolean("anonymous"),
                row.getString("business_unit"),
                row.getLong("duplicate_of"),
                row.getInteger("version"),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"));
    }

    /** The item as {@code viewer} may see it: without the person behind an anonymous item, unless it is theirs. */
    public ItemView seenBy(String viewer) {
        if (Anonymity.revealed(anonymous, submittedBy, viewer)) {
            return this;
        }
        return new ItemView(
                id,
                kind,
                title,
                description,
                area,
                status,
                statusLabel,
                votes,
                null,
                null,
                true,
                null,
                duplicateOf,
                version,
                createdAt,
                updatedAt);
    }
}
