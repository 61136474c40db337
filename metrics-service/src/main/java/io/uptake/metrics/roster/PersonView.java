package io.uptake.metrics.roster;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;

/** A roster entry as clients see it (and as it is published on {@code uptake.people}). */
public record PersonView(
        String userId,
        String displayName,
        String email,
        String businessUnit,
        String jobRole,
        String managerId,
        boolean executive,
        boolean active,
        OffsetDateTime updatedAt) {

    static PersonView of(Row row) {
        return new PersonView(
                row.getString("user_id"),
                row.getString("display_name"),
                row.getString("email"),
                row.getString("business_unit"),
                row.getString("job_role"),
                row.getString("manager_id"),
                row.getBoolean("executive"),
                row.getBoolean("active"),
                row.getOffsetDateTime("updated_at"));
    }
}
