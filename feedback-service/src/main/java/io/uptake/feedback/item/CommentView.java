package io.uptake.feedback.item;

import io.uptake.feedback.access.Anonymity;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;

/**
 * A comment on an item; {@code official} when the CRM team (admin) wrote it; {@code anonymous} when the
 * anonymous submitter of the item wrote it, whose name only they see ({@link #seenBy}).
 */
public record CommentView(
        long id, String author, String body, boolean official, boolean anonymous, OffsetDateTime createdAt) {

    static CommentView of(Row row) {
        return new CommentView(
                row.getLong("id"),
                row.getString("author"),
                row.getString("body"),
                row.getBoolean("official"),
                false,
                row.getOffsetDateTime("created_at"));
    }

    /** The comment as {@code viewer} sees it, on an item whose submitter is {@code submitter}. */
    CommentView seenBy(boolean anonymousItem, String submitter, String viewer) {
        boolean bySubmitter = anonymousItem && author.equals(submitter);
        if (!bySubmitter) {
            return this;
        }
        return new CommentView(id, Anonymity.shown(true, submitter, viewer), body, official, true, createdAt);
    }
}
