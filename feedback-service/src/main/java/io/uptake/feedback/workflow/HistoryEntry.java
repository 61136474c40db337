package io.uptake.feedback.workflow;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;

/** One status change of an item: who moved it, when, from where to where, and why. */
public record HistoryEntry(String actor, OffsetDateTime at, String from, String to, String note) {

    static HistoryEntry of(Row row) {
        return new HistoryEntry(
                row.getString("actor"),
                row.getOffsetDateTime("changed_at"),
                row.getString("from_status"),
                row.getString("to_status"),
                row.getString("note"));
    }
}
