package io.uptake.feedback.item;

import io.smallrye.mutiny.Uni;
import io.uptake.feedback.access.Viewer;
import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.Pages;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;

/** Submitting items, and what every signed-in person does with them: vote, follow, comment. */
@ApplicationScoped
public class ItemService {

    private final Pool pool;
    private final ItemQueries queries;

    public ItemService(Pool pool, ItemQueries queries) {
        this.pool = pool;
        this.queries = queries;
    }

    /** Submits an item; an anonymous one records who sent it (for their inbox) but not their business unit. */
    public Uni<ItemView> submit(Viewer viewer, NewItem item) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select active from area where code = $1")
                .execute(Tuple.of(item.area()))
                .flatMap(area -> {
                    if (area.size() == 0) {
                        throw new InvalidInput(
                                "area", "no area '" + item.area() + "' in the catalogue (see /api/feedback/areas)");
                    }
                    if (!area.iterator().next().getBoolean("active")) {
                        throw new InvalidInput("area", "the area '" + item.area() + "' is no longer in use");
                    }
                    return connection.preparedQuery("""
                            insert into feedback_item (kind, title, description, area, submitted_by, business_unit, anonymous)
                            values ($1, $2, $3, $4, $5, $6, $7) returning """ + ItemView.COLUMNS).execute(Tuple.from(new Object[] {
                        item.kind().name(),
                        item.title(),
                        item.description(),
                        item.area(),
                        viewer.userId(),
                        item.hidesSubmitter() ? null : viewer.businessUnit(),
                        item.hidesSubmitter()
                    }));
                })
                .map(rows -> ItemView.of(rows.iterator().next())));
    }

    /** Records the caller's vote; a second vote by the same person changes nothing. */
    public Uni<ItemView> vote(Viewer viewer, long id) {
        return pool.withTransaction(connection -> existing(connection, id)
                .flatMap(item -> {
                    if (item.status() == Status.DUPLICATE) {
                        throw new ClientErrorException(
                                "Item " + id + " is a duplicate of item " + item.duplicateOf() + "; vote there", 409);
                    }
                    return connection
                            .preparedQuery(
                                    "insert into item_vote (item_id, user_id) values ($1, $2) on conflict do nothing")
                            .execute(Tuple.of(id, viewer.userId()));
                })
                .flatMap(inserted -> recount(connection, id)));
    }

    public Uni<ItemView> unvote(Viewer viewer, long id) {
        return pool.withTransaction(connection -> existing(connection, id)
                .flatMap(item -> connection
                        .preparedQuery("delete from item_vote where item_id = $1 and user_id = $2")
                        .execute(Tuple.of(id, viewer.userId())))
                .flatMap(deleted -> recount(connection, id)));
    }

    public Uni<Void> follow(Viewer viewer, long id) {
        return pool.withTransaction(connection -> existing(connection, id)
                .flatMap(item -> connection
                        .preparedQuery(
                                "insert into item_follow (item_id, user_id) values ($1, $2) on conflict do nothing")
                        .execute(Tuple.of(id, viewer.userId())))
                .replaceWithVoid());
    }

    public Uni<Void> unfollow(Viewer viewer, long id) {
        return pool.withTransaction(connection -> existing(connection, id)
                .flatMap(item -> connection
                        .preparedQuery("delete from item_follow where item_id = $1 and user_id = $2")
                        .execute(Tuple.of(id, viewer.userId())))
                .replaceWithVoid());
    }

    public Uni<CommentView> comment(Viewer viewer, long id, NewComment comment) {
        return pool.withTransaction(connection -> existing(connection, id)
                .flatMap(item -> connection
                        .preparedQuery(
                                "insert into item_comment (item_id, author, body, official) values ($1, $2, $3, $4) returning *")
                        .execute(Tuple.of(id, viewer.userId(), comment.body(), viewer.admin()))
                        .map(rows -> CommentView.of(rows.iterator().next())
                                .seenBy(item.anonymous(), item.submittedBy(), viewer.userId()))));
    }

    /** The comments, oldest first; on an anonymous item, the submitter's own comments do not name them to others. */
    public Uni<PageView<CommentView>> comments(Viewer viewer, long id, int page, int size) {
        return queries.find(id)
                .onItem()
                .ifNull()
                .failWith(() -> notFound(id))
                .flatMap(item -> pool.preparedQuery("select *, " + Pages.TOTAL
                                + " from item_comment where item_id = $1 order by id limit $2 offset $3")
                        .execute(Tuple.of(id, size, (long) page * size))
                        .map(rows -> Pages.of(
                                rows,
                                row -> CommentView.of(row)
                                        .seenBy(item.anonymous(), item.submittedBy(), viewer.userId()),
                                page,
                                size)));
    }

    public static Uni<ItemView> existing(SqlConnection connection, long id) {
        return connection
                .preparedQuery(
                        "select " + ItemView.COLUMNS + " from feedback_item where id = $1 for update of feedback_item")
                .execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw notFound(id);
                    }
                    return ItemView.of(rows.iterator().next());
                });
    }

    /** Sets the item's vote count from the votes themselves, so that it can never drift. */
    public static Uni<ItemView> recount(SqlConnection connection, long id) {
        return connection
                .preparedQuery("""
                update feedback_item set votes = (select count(*) from item_vote where item_id = $1), updated_at = now()
                where id = $1 returning """ + ItemView.COLUMNS)
                .execute(Tuple.of(id))
                .map(rows -> ItemView.of(rows.iterator().next()));
    }

    public static NotFoundException notFound(long id) {
        return new NotFoundException("No feedback item " + id);
    }
}
