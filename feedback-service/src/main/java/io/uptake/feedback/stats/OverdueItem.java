package io.uptake.feedback.stats;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;

/**
 * An item still waiting for its first response after the target; an anonymous item's submitter (user id and
 * display name) is not named.
 */
public record OverdueItem(
        long id,
        String title,
        String area,
        String submittedBy,
        String submitterName,
        String businessUnit,
        OffsetDateTime createdAt) {

    static OverdueItem of(Row row) {
        return new OverdueItem(
                row.getLong("id"),
                row.getString("title"),
                row.getString("area"),
                row.getBoolean("anonymous") ? null : row.getString("submitted_by"),
                row.getBoolean("anonymous") ? null : row.getString("submitter_name"),
                row.getString("business_unit"),
                row.getOffsetDateTime("created_at"));
    }
}
