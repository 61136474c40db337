package io.uptake.training.session;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.Conflict;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Seats in sessions, never beyond capacity, and the waitlist of a full session, first come first served.
 * Whatever changes who sits in a session (a seat taken, a place on the waitlist, a seat given back and the
 * first waiting person promoted into it) first locks the session row ({@code select … for update}), so
 * these changes happen one after the other per session, in the order the requests took the lock; and the
 * seat count is still updated conditionally ({@code seats_taken < capacity}) as the last guard.
 */
@ApplicationScoped
public class Seats {

    /** What became of a request for a seat; {@code position} is 1-based on the waitlist, else null. */
    public record Outcome(Kind kind, Integer position) {}

    public enum Kind {
        SEATED,
        WAITLISTED,
        ALREADY_SEATED,
        ALREADY_WAITLISTED,
        NO_SESSION
    }

    /** A seat given back: whether the person held one or waited, and who was promoted into the seat. */
    public record Released(boolean found, String promotedUserId) {}

    private final SessionStore store;

    public Seats(SessionStore store) {
        this.store = store;
    }

    /**
     * Locks the sessions an assignment sits in or waits for, before the assignment row itself is locked:
     * session first, then assignment, as every path through here takes them, so that none deadlocks another.
     */
    public Uni<Void> lockSessionsOf(SqlClient client, UUID assignmentId) {
        return store.lockSessionsOf(client, assignmentId);
    }

    /**
     * Seats the person in the session (and books their assignment into it), or puts them at the end of its
     * waitlist when it is full. Call inside a transaction.
     */
    public Uni<Outcome> seatOrWait(SqlClient client, UUID sessionId, String userId, UUID assignmentId) {
        return store.lock(client, sessionId).flatMap(exists -> {
            if (!exists) {
                return Uni.createFrom().item(new Outcome(Kind.NO_SESSION, null));
            }
            return store.presence(client, sessionId, userId).flatMap(presence -> {
                if (presence.seated()) {
                    return Uni.createFrom().item(new Outcome(Kind.ALREADY_SEATED, null));
                }
                if (presence.waiting()) {
                    return Uni.createFrom().item(new Outcome(Kind.ALREADY_WAITLISTED, null));
                }
                return store.takeSeat(client, sessionId)
                        .flatMap(taken -> taken
                                ? seat(client, sessionId, userId, assignmentId)
                                        .replaceWith(new Outcome(Kind.SEATED, null))
                                : store.addToWaitlist(client, sessionId, userId, assignmentId)
                                        .map(position -> new Outcome(Kind.WAITLISTED, position)));
            });
        });
    }

    /** Books the seat just taken, or refuses (the transaction rolls back) when the assignment holds another. */
    private Uni<Void> seat(SqlClient client, UUID sessionId, String userId, UUID assignmentId) {
        return store.book(client, sessionId, userId, assignmentId)
                .invoke(seated -> {
                    if (!seated) {
                        throw new Conflict("The assignment is already booked into another session");
                    }
                })
                .replaceWithVoid();
    }

    /**
     * The person leaves the session: off its waitlist, or out of their seat, which goes to the first person
     * waiting (their assignment booked into it) or, with nobody waiting, becomes free. Call inside a transaction.
     */
    public Uni<Released> release(SqlClient client, UUID sessionId, String userId) {
        return store.lock(client, sessionId)
                .flatMap(locked -> store.leaveWaitlist(client, sessionId, userId))
                .flatMap(unlisted -> unlisted
                        ? Uni.createFrom().item(new Released(true, null))
                        : store.vacateSeat(client, sessionId, userId)
                                .flatMap(vacated -> !vacated
                                        ? Uni.createFrom().item(new Released(false, null))
                                        : promote(client, sessionId)));
    }

    /**
     * A seat became free: the first person waiting whose training is still open and unbooked takes it (others,
     * completed, cancelled or seated elsewhere meanwhile, leave the waitlist), else the session has one seat more free.
     */
    private Uni<Released> promote(SqlClient client, UUID sessionId) {
        return store.takeFirstWaiting(client, sessionId).flatMap(next -> {
            if (next == null) {
                return store.freeSeat(client, sessionId).replaceWith(new Released(true, null));
            }
            return stillWaiting(client, next.assignmentId())
                    .flatMap(open -> open
                            ? store.book(client, sessionId, next.userId(), next.assignmentId())
                            : Uni.createFrom().item(false))
                    .flatMap(seated -> seated
                            ? Uni.createFrom().item(new Released(true, next.userId()))
                            : promote(client, sessionId));
        });
    }

    /** Whether a waiting person's training still needs the seat (no assignment: an enrolment by HR, it does). */
    private Uni<Boolean> stillWaiting(SqlClient client, UUID assignmentId) {
        return assignmentId == null ? Uni.createFrom().item(true) : store.openAndUnbooked(client, assignmentId);
    }

    /** Books the person into the next future session of the module with a free seat; null when there is none. */
    public Uni<SessionRef> bookNext(SqlClient client, UUID moduleId, String userId, UUID assignmentId) {
        return store.bookNext(client, moduleId, userId, assignmentId);
    }

    /** The next future session of the module, full or not; null when none is scheduled. */
    public Uni<UUID> nextSession(SqlClient client, UUID moduleId) {
        return store.nextSession(client, moduleId);
    }

    /** Takes an assignment off every waitlist it is on (it no longer waits: completed, cancelled, another mode). */
    public Uni<Void> leaveWaitlists(SqlClient client, UUID assignmentId) {
        return store.leaveWaitlists(client, assignmentId);
    }
}
