package io.uptake.training.assignment;

import io.smallrye.mutiny.Uni;
import io.uptake.training.module.Mode;
import io.uptake.training.session.Seats;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * The one way training and tests get assigned, in the caller's transaction: the row inserted (a test once
 * while open), instructor-led training booked into the next session with a free seat (else onto the next
 * session's waitlist), and a {@code training.assigned} event in the outbox for each assignment made. What
 * differs per path stays with the caller: the reason, the due date, its idempotency key, and whether open
 * training of the skill is checked first ({@link #hasOpenTraining}).
 */
@ApplicationScoped
public class Assigner {

    private final AssignmentStore store;
    private final Seats seats;
    private final TrainingEvents events;

    public Assigner(AssignmentStore store, Seats seats, TrainingEvents events) {
        this.store = store;
        this.seats = seats;
        this.events = events;
    }

    /** Whether the person has open training of the skill (then no path assigns them more of it). */
    public Uni<Boolean> hasOpenTraining(SqlConnection connection, String userId, String skill) {
        return store.hasOpenTraining(connection, userId, skill);
    }

    /** Assigns and announces one; null when nothing was assigned (the test is open for the person already). */
    public Uni<AssignmentView> assign(SqlConnection connection, AssignmentDraft draft) {
        return insert(connection, draft)
                .flatMap(id -> id == null
                        ? Uni.createFrom().item(List.<AssignmentView>of())
                        : announce(connection, List.of(id)))
                .map(assigned -> assigned.isEmpty() ? null : assigned.getFirst());
    }

    /**
     * Inserts (and books, when instructor-led) without announcing yet, for a path that announces several at
     * once ({@link #announce}); null when nothing was inserted.
     */
    public Uni<UUID> insert(SqlConnection connection, AssignmentDraft draft) {
        return store.insert(connection, draft)
                .call(id -> id != null && draft.moduleId() != null && draft.mode() == Mode.INSTRUCTOR_LED
                        ? book(connection, draft.moduleId(), draft.userId(), id)
                        : Uni.createFrom().voidItem());
    }

    /** The {@code training.assigned} events of what was inserted; the assignments as they are now. */
    public Uni<List<AssignmentView>> announce(SqlConnection connection, List<UUID> ids) {
        return store.findAll(connection, ids)
                .call(assigned -> events.record(connection, TrainingEvents.ASSIGNED, assigned));
    }

    /** HR's bulk assignment: every planned row and its event in one statement ({@link AssignmentStore#insertAll}). */
    public Uni<AssignmentStore.Inserted> assignAll(
            SqlConnection connection,
            List<AssignmentStore.Planned> planned,
            UUID testId,
            String skill,
            Reason reason,
            String createdBy) {
        return store.insertAll(connection, planned, testId, skill, reason, createdBy);
    }

    /**
     * Books an instructor-led assignment into the next session with a free seat, else onto the waitlist of
     * the next session (full); nothing when no session is scheduled.
     */
    private Uni<Void> book(SqlConnection connection, UUID moduleId, String userId, UUID assignmentId) {
        return seats.bookNext(connection, moduleId, userId, assignmentId)
                .flatMap(session -> session != null
                        ? store.bookInto(connection, assignmentId, session.id())
                        : seats.nextSession(connection, moduleId)
                                .flatMap(next -> next == null
                                        ? Uni.createFrom().voidItem()
                                        : seats.seatOrWait(connection, next, userId, assignmentId)
                                                .replaceWithVoid()));
    }
}
