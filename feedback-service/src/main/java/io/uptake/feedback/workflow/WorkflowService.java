package io.uptake.feedback.workflow;

import io.smallrye.mutiny.Uni;
import io.uptake.feedback.access.DisplayName;
import io.uptake.feedback.event.FeedbackEvent;
import io.uptake.feedback.event.FeedbackOutbox;
import io.uptake.feedback.item.ItemQueries;
import io.uptake.feedback.item.ItemService;
import io.uptake.feedback.item.ItemStore;
import io.uptake.feedback.item.ItemView;
import io.uptake.feedback.item.Status;
import io.uptake.feedback.item.Workflow;
import io.uptake.platform.access.Caller;
import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.outbox.Outbox;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Moves items through the triage workflow. The item's row is locked for the move, the change is kept
 * in its history, and the event that tells people about it is written to the outbox in the same transaction.
 */
@ApplicationScoped
public class WorkflowService {

    private final Pool pool;
    private final ItemService itemService;
    private final ItemStore items;
    private final ItemQueries queries;
    private final StatusChangeStore changes;
    private final FeedbackOutbox outbox;
    private final Outbox relay;

    public WorkflowService(
            Pool pool,
            ItemService itemService,
            ItemStore items,
            ItemQueries queries,
            StatusChangeStore changes,
            FeedbackOutbox outbox,
            Outbox relay) {
        this.pool = pool;
        this.itemService = itemService;
        this.items = items;
        this.queries = queries;
        this.changes = changes;
        this.outbox = outbox;
        this.relay = relay;
    }

    /** Moves the item; the answer is as the admin may see it (not the person behind an anonymous item). */
    public Uni<ItemView> transition(Caller admin, long id, TransitionRequest request) {
        return pool.withTransaction(connection -> itemService
                        .existing(connection, id)
                        .flatMap(item -> check(connection, item, request).replaceWith(item))
                        .flatMap(item -> move(connection, admin, item, request)))
                .invoke(relay::runSoon)
                .map(moved -> moved.seenBy(admin.userId()));
    }

    public Uni<List<HistoryEntry>> history(long id) {
        return queries.find(id)
                .onItem()
                .ifNull()
                .failWith(() -> ItemService.notFound(id))
                .flatMap(item -> changes.history(id));
    }

    private Uni<Void> check(SqlConnection connection, ItemView item, TransitionRequest request) {
        if (request.version() != null && request.version() != item.version()) {
            throw new ClientErrorException(
                    "Item " + item.id() + " changed since version " + request.version() + " (it is at version "
                            + item.version() + ", " + item.status() + "); reload it and decide again",
                    409);
        }
        Workflow.refusal(item.kind(), item.status(), request.to()).ifPresent(refused -> {
            throw new ClientErrorException(refused, 409);
        });
        boolean noNote = request.note() == null || request.note().isBlank();
        if (request.to() == Status.DECLINED && noNote) {
            throw new InvalidInput("note", "a reason is required to decline");
        }
        if (request.to() == Status.ANSWERED && noNote) {
            throw new InvalidInput("note", "the answer is required to close a question as ANSWERED");
        }
        if (request.to() != Status.DUPLICATE) {
            return Uni.createFrom().voidItem();
        }
        if (request.duplicateOf() == null) {
            throw new InvalidInput("duplicateOf", "the original item's id is required to close as a duplicate");
        }
        if (request.duplicateOf() == item.id()) {
            throw new InvalidInput("duplicateOf", "an item cannot duplicate itself");
        }
        return queries.find(connection, request.duplicateOf())
                .invoke(original -> {
                    if (original == null) {
                        throw new InvalidInput("duplicateOf", "no feedback item " + request.duplicateOf());
                    }
                    if (original.status() == Status.DUPLICATE) {
                        throw new InvalidInput(
                                "duplicateOf",
                                "item " + original.id() + " is itself a duplicate of item " + original.duplicateOf()
                                        + "; name that one");
                    }
                })
                .replaceWithVoid();
    }

    private Uni<ItemView> move(SqlConnection connection, Caller admin, ItemView item, TransitionRequest request) {
        Long duplicateOf = request.to() == Status.DUPLICATE ? request.duplicateOf() : null;
        Uni<Void> moveSupporters = duplicateOf == null
                ? Uni.createFrom().voidItem()
                : items.moveSupporters(connection, item.id(), duplicateOf);
        return moveSupporters
                .flatMap(moved -> items.moveTo(connection, item.id(), request.to(), duplicateOf))
                .call(moved -> changes.record(
                        connection,
                        item.id(),
                        admin.userId(),
                        DisplayName.of(admin),
                        item.status(),
                        moved.status(),
                        request.note()))
                .call(moved -> outbox.write(
                        connection,
                        new FeedbackEvent(
                                UUID.randomUUID(),
                                moved.status() == Status.IMPLEMENTED
                                        ? FeedbackEvent.IMPLEMENTED
                                        : FeedbackEvent.STATUS_CHANGED,
                                moved.id(),
                                moved.title(),
                                item.status().name(),
                                moved.status().name(),
                                request.note(),
                                admin.userId(),
                                moved.anonymous() ? null : moved.submittedBy(),
                                moved.anonymous() ? null : moved.businessUnit(),
                                moved.votes(),
                                OffsetDateTime.now(),
                                moved.anonymous(),
                                item.statusLabel(),
                                moved.statusLabel())));
    }
}
