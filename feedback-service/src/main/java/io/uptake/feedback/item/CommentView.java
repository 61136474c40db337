package io.uptake.feedback.item;

import io.uptake.feedback.access.Anonymity;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;

/**
 * A comment on an item; {@code authorName} the author's display name when they wrote it (null for comments
 * written before names were recorded); {@code official} when the CRM team (admin) wrote it; {@code anonymous} when
 * the anonymous submitter of the item wrote it, whose user id and name only they see ({@link #seenBy}).
 */
public record CommentView(
        long id,
        String author,
        String authorName,
        String body,
        boolean official,
        boolean anonymous,
        OffsetDateTime createdAt) {

    static CommentView of(Row row) {
        return new CommentView(
                row.getLong("id"),
                row.getString("author"),
                row.getString("author_name"),
                row.getString("body"),
                row.getBoolean("official"),
                false,
                row.getOffsetDateTime("created_at"));
    }

    /** The comment as {@code viewer} sees it, on an item whose submitter is {@code submitter}. */
    public CommentView seenBy(boolean anonymousItem, String submitter, String viewer) {
        boolean bySubmitter = anonymousItem && author.equals(submitter);
        if (!bySubmitter) {
            return this;
        }
        return new CommentView(
                id,
                Anonymity.shown(true, submitter, viewer),
                Anonymity.shown(true, submitter, viewer, authorName),
                body,
                official,
                true,
                createdAt);
    }
}
