package io.uptake.feedback.item;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;

/** One feedback item as its readers see it; {@code version} is what a triage move may name to guard against a concurrent one. */
public record ItemView(
        long id,
        Kind kind,
        String title,
        String description,
        String area,
        Status status,
        int votes,
        String submittedBy,
        String businessUnit,
        Long duplicateOf,
        int version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static ItemView of(Row row) {
        return new ItemView(
                row.getLong("id"),
                Kind.valueOf(row.getString("kind")),
                row.getString("title"),
                row.getString("description"),
                row.getString("area"),
                Status.valueOf(row.getString("status")),
                row.getInteger("votes"),
                row.getString("submitted_by"),
                row.getString("business_unit"),
                row.getLong("duplicate_of"),
                row.getInteger("version"),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"));
    }
}
