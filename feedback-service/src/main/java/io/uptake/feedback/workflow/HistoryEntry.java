package io.uptake.feedback.workflow;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;

/**
 * One status change of an item: who moved it (their user id and display name; the name is null for moves made
 * before names were recorded), when, from where to where, and why.
 */
public record HistoryEntry(String actor, String actorName, OffsetDateTime at, String from, String to, String note) {

    static HistoryEntry of(Row row) {
        return new HistoryEntry(
                row.getString("actor"),
                row.getString("actor_name"),
                row.getOffsetDateTime("changed_at"),
                row.getString("from_status"),
                row.getString("to_status"),
                row.getString("note"));
    }
}
