package io.uptake.feedback.item;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.Pages;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The writes of items (tables {@code feedback_item}, {@code item_vote}, {@code item_follow},
 * {@code item_comment}), each in the caller's transaction; {@link ItemQueries} has the reads.
 */
@ApplicationScoped
public class ItemStore {

    private final Pool pool;

    public ItemStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Inserts the item as {@code submittedBy} (shown as {@code submitterName}, or null) sent it; {@code businessUnit}
     * null for an anonymous one.
     */
    public Uni<ItemView> insert(
            SqlConnection connection, NewItem item, String submittedBy, String submitterName, String businessUnit) {
        return connection
                .preparedQuery("""
                        insert into feedback_item (kind, title, description, area, submitted_by, business_unit, anonymous, submitter_name)
                        values ($1, $2, $3, $4, $5, $6, $7, $8) returning """ + ItemView.COLUMNS)
                .execute(Tuple.from(new Object[] {
                    item.kind().name(),
                    item.title(),
                    item.description(),
                    item.area(),
                    submittedBy,
                    businessUnit,
                    item.hidesSubmitter(),
                    submitterName
                }))
                .map(rows -> ItemView.of(rows.iterator().next()));
    }

    /** The item, its row locked until the transaction ends; null when there is none. */
    public Uni<ItemView> lock(SqlConnection connection, long id) {
        return connection
                .preparedQuery(
                        "select " + ItemView.COLUMNS + " from feedback_item where id = $1 for update of feedback_item")
                .execute(Tuple.of(id))
                .map(rows ->
                        rows.size() == 0 ? null : ItemView.of(rows.iterator().next()));
    }

    /**
     * Moves the item to {@code to} (a duplicate of {@code duplicateOf}, else null) and counts it as a new
     * version; the first move is the first response.
     */
    public Uni<ItemView> moveTo(SqlConnection connection, long id, Status to, Long duplicateOf) {
        return connection
                .preparedQuery("""
                        update feedback_item set status = $2::varchar, duplicate_of = $3, version = version + 1, updated_at = now(),
                            first_response_at = coalesce(first_response_at, now()),
                            implemented_at = case when $2::varchar = 'IMPLEMENTED' then now() else implemented_at end
                        where id = $1 returning """ + ItemView.COLUMNS)
                .execute(Tuple.of(id, to.name(), duplicateOf))
                .map(rows -> ItemView.of(rows.iterator().next()));
    }

    /** A second vote by the same person changes nothing. */
    public Uni<Void> addVote(SqlConnection connection, long id, String userId) {
        return onePerson(
                connection,
                "insert into item_vote (item_id, user_id) values ($1, $2) on conflict do nothing",
                id,
                userId);
    }

    public Uni<Void> removeVote(SqlConnection connection, long id, String userId) {
        return onePerson(connection, "delete from item_vote where item_id = $1 and user_id = $2", id, userId);
    }

    public Uni<Void> addFollower(SqlConnection connection, long id, String userId) {
        return onePerson(
                connection,
                "insert into item_follow (item_id, user_id) values ($1, $2) on conflict do nothing",
                id,
                userId);
    }

    public Uni<Void> removeFollower(SqlConnection connection, long id, String userId) {
        return onePerson(connection, "delete from item_follow where item_id = $1 and user_id = $2", id, userId);
    }

    /** A statement on one person's vote or follow of the item ({@code $1} the item, {@code $2} the person). */
    private static Uni<Void> onePerson(SqlConnection connection, String statement, long id, String userId) {
        return connection.preparedQuery(statement).execute(Tuple.of(id, userId)).replaceWithVoid();
    }

    /** Sets the item's vote count from the votes themselves, so that it can never drift. */
    public Uni<ItemView> recount(SqlConnection connection, long id) {
        return connection
                .preparedQuery("""
                update feedback_item set votes = (select count(*) from item_vote where item_id = $1), updated_at = now()
                where id = $1 returning """ + ItemView.COLUMNS)
                .execute(Tuple.of(id))
                .map(rows -> ItemView.of(rows.iterator().next()));
    }

    /** A duplicate's voters and followers become the original's (each person counted once), and both counts are set again. */
    public Uni<Void> moveSupporters(SqlConnection connection, long duplicate, long original) {
        Tuple both = Tuple.of(duplicate, original);
        return connection
                .preparedQuery(
                        "insert into item_vote (item_id, user_id, voted_at) select $2, user_id, voted_at from item_vote where item_id = $1 on conflict do nothing")
                .execute(both)
                .flatMap(done -> connection
                        .preparedQuery("delete from item_vote where item_id = $1")
                        .execute(Tuple.of(duplicate)))
                .flatMap(done -> connection
                        .preparedQuery(
                                "insert into item_follow (item_id, user_id, followed_at) select $2, user_id, followed_at from item_follow where item_id = $1 on conflict do nothing")
                        .execute(both))
                .flatMap(done -> connection
                        .preparedQuery("delete from item_follow where item_id = $1")
                        .execute(Tuple.of(duplicate)))
                .flatMap(done -> recount(connection, original))
                .flatMap(done -> recount(connection, duplicate))
                .replaceWithVoid();
    }

    /** {@code official} when the CRM team (an admin) wrote it; {@code authorName} null when the token had none. */
    public Uni<CommentView> addComment(
            SqlConnection connection, long id, String author, String authorName, String body, boolean official) {
        return connection
                .preparedQuery(
                        "insert into item_comment (item_id, author, body, official, author_name) values ($1, $2, $3, $4, $5) returning *")
                .execute(Tuple.of(id, author, body, official, authorName))
                .map(rows -> CommentView.of(rows.iterator().next()));
    }

    /** The item's comments, oldest first, as written (not yet as a viewer sees them). */
    public Uni<PageView<CommentView>> comments(long id, int page, int size) {
        return pool.preparedQuery("select *, " + Pages.TOTAL
                        + " from item_comment where item_id = $1 order by id limit $2 offset $3")
                .execute(Tuple.of(id, size, (long) page * size))
                .map(rows -> Pages.of(rows, CommentView::of, page, size));
    }
}
