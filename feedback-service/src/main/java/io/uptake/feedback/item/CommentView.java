package io.uptake.feedback.item;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;

/** A comment on an item; {@code official} when the CRM team (admin) wrote it. */
public record CommentView(long id, String author, String body, boolean official, OffsetDateTime createdAt) {

    static CommentView of(Row row) {
        return new CommentView(
                row.getLong("id"),
                row.getString("author"),
                row.getString("body"),
                row.getBoolean("official"),
                row.getOffsetDateTime("created_at"));
    }
}
