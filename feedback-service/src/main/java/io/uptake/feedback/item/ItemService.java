package io.uptake.feedback.item;

import io.smallrye.mutiny.Uni;
import io.uptake.feedback.access.DisplayName;
import io.uptake.feedback.area.AreaRepository;
import io.uptake.platform.access.Caller;
import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.PageView;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;

/** Submitting items, and what every signed-in person does with them: vote, follow, comment. */
@ApplicationScoped
public class ItemService {

    private final Pool pool;
    private final ItemStore items;
    private final ItemQueries queries;
    private final AreaRepository areas;

    public ItemService(Pool pool, ItemStore items, ItemQueries queries, AreaRepository areas) {
        this.pool = pool;
        this.items = items;
        this.queries = queries;
        this.areas = areas;
    }

    /**
     * Submits an item with the submitter's display name; an anonymous one records who sent it (for their inbox and
     * their own view) but not their business unit.
     */
    public Uni<ItemView> submit(Caller caller, NewItem item) {
        return pool.withTransaction(connection -> areas.active(connection, item.area())
                .flatMap(active -> {
                    if (active == null) {
                        throw new InvalidInput(
                                "area", "no area '" + item.area() + "' in the catalogue (see /api/feedback/areas)");
                    }
                    if (!active) {
                        throw new InvalidInput("area", "the area '" + item.area() + "' is no longer in use");
                    }
                    return items.insert(
                            connection,
                            item,
                            caller.userId(),
                            DisplayName.of(caller),
                            item.hidesSubmitter() ? null : caller.businessUnit());
                }));
    }

    /** Records the caller's vote; a second vote by the same person changes nothing. */
    public Uni<ItemView> vote(Caller caller, long id) {
        return pool.withTransaction(connection -> existing(connection, id)
                .flatMap(item -> {
                    if (item.status() == Status.DUPLICATE) {
                        throw new ClientErrorException(
                                "Item " + id + " is a duplicate of item " + item.duplicateOf() + "; vote there", 409);
                    }
                    return items.addVote(connection, id, caller.userId());
                })
                .flatMap(voted -> items.recount(connection, id)));
    }

    public Uni<ItemView> unvote(Caller caller, long id) {
        return pool.withTransaction(connection -> existing(connection, id)
                .flatMap(item -> items.removeVote(connection, id, caller.userId()))
                .flatMap(removed -> items.recount(connection, id)));
    }

    public Uni<Void> follow(Caller caller, long id) {
        return pool.withTransaction(connection ->
                existing(connection, id).flatMap(item -> items.addFollower(connection, id, caller.userId())));
    }

    public Uni<Void> unfollow(Caller caller, long id) {
        return pool.withTransaction(connection ->
                existing(connection, id).flatMap(item -> items.removeFollower(connection, id, caller.userId())));
    }

    public Uni<CommentView> comment(Caller caller, long id, NewComment comment) {
        return pool.withTransaction(connection -> existing(connection, id)
                .flatMap(item -> items.addComment(
                                connection, id, caller.userId(), DisplayName.of(caller), comment.body(), caller.admin())
                        .map(added -> added.seenBy(item.anonymous(), item.submittedBy(), caller.userId()))));
    }

    /** The comments, oldest first; on an anonymous item, the submitter's own comments do not name them to others. */
    public Uni<PageView<CommentView>> comments(Caller caller, long id, int page, int size) {
        return queries.find(id)
                .onItem()
                .ifNull()
                .failWith(() -> notFound(id))
                .flatMap(item -> items.comments(id, page, size)
                        .map(found -> new PageView<>(
                                found.items().stream()
                                        .map(comment ->
                                                comment.seenBy(item.anonymous(), item.submittedBy(), caller.userId()))
                                        .toList(),
                                found.page(),
                                found.size(),
                                found.total())));
    }

    /** The item, locked for the rest of the caller's transaction; a 404 when there is none. */
    public Uni<ItemView> existing(SqlConnection connection, long id) {
        return items.lock(connection, id).onItem().ifNull().failWith(() -> notFound(id));
    }

    public static NotFoundException notFound(long id) {
        return new NotFoundException("No feedback item " + id);
    }
}
