package io.uptake.metrics.roster;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A roster entry as clients see it (and as it is published on {@code uptake.people}); one person's own page adds
 * their ids in other systems.
 */
public record PersonView(
        String userId,
        String displayName,
        String email,
        String businessUnit,
        String jobRole,
        String managerId,
        boolean executive,
        boolean active,
        OffsetDateTime updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> externalIds) {

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
                row.getOffsetDateTime("updated_at"),
                null);
    }

    /** The entry with the person's ids in other systems ({@code {"salesforce": "005…"}}), as one person's page shows. */
    PersonView withExternalIds(Map<String, String> ids) {
        return new PersonView(
                userId, displayName, email, businessUnit, jobRole, managerId, executive, active, updatedAt, ids);
    }
}
