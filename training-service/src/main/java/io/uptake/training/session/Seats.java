package io.uptake.training.session;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.Conflict;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
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

    private static final String LOCK = "select capacity, seats_taken from training_session where id = $1 for update";

    /**
     * Locks the sessions an assignment sits in or waits for, before the assignment row itself is locked:
     * session first, then assignment, as every path through here takes them, so that none deadlocks another.
     */
    public Uni<Void> lockSessionsOf(SqlClient client, UUID assignmentId) {
        return client.preparedQuery("""
                        select 1 from training_session where id in (
                            select session_id from assignment where id = $1 and session_id is not null
                            union select session_id from waitlist where assignment_id = $1)
                        order by id for update""").execute(Tuple.of(assignmentId)).replaceWithVoid();
    }

    /** Takes a seat in this session; false when it is full. */
    public Uni<Boolean> take(SqlClient client, UUID sessionId) {
        return client.preparedQuery(
                        "update training_session set seats_taken = seats_taken + 1 where id = $1 and seats_taken < capacity")
                .execute(Tuple.of(sessionId))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * Seats the person in the session (and books their assignment into it), or puts them at the end of its
     * waitlist when it is full. Call inside a transaction.
     */
    public Uni<Outcome> seatOrWait(SqlClient client, UUID sessionId, String userId, UUID assignmentId) {
        return client.preparedQuery(LOCK).execute(Tuple.of(sessionId)).flatMap(locked -> {
            if (locked.size() == 0) {
                return Uni.createFrom().item(new Outcome(Kind.NO_SESSION, null));
            }
            return client.preparedQuery("""
                            select exists (select 1 from enrolment where session_id = $1 and user_id = $2) as seated,
                                   exists (select 1 from waitlist where session_id = $1 and user_id = $2) as waiting""")
                    .execute(Tuple.of(sessionId, userId))
                    .flatMap(found -> {
                        Row row = found.iterator().next();
                        if (row.getBoolean("seated")) {
                            return Uni.createFrom().item(new Outcome(Kind.ALREADY_SEATED, null));
                        }
                        if (row.getBoolean("waiting")) {
                            return Uni.createFrom().item(new Outcome(Kind.ALREADY_WAITLISTED, null));
                        }
                        return take(client, sessionId)
                                .flatMap(taken -> taken
                                        ? seat(client, sessionId, userId, assignmentId)
                                                .replaceWith(new Outcome(Kind.SEATED, null))
                                        : waitlist(client, sessionId, userId, assignmentId));
                    });
        });
    }

    private Uni<Outcome> waitlist(SqlClient client, UUID sessionId, String userId, UUID assignmentId) {
        return client.preparedQuery("""
                        with added as (
                            insert into waitlist (session_id, user_id, assignment_id) values ($1, $2, $3) returning id)
                        select (select count(*) from waitlist where session_id = $1) + 1 as position from added""")
                .execute(Tuple.of(sessionId, userId, assignmentId))
                .map(rows -> new Outcome(
                        Kind.WAITLISTED,
                        rows.iterator().next().getLong("position").intValue()));
    }

    /**
     * The enrolment row and, when there is one, the assignment booked into the session, if it is not booked into
     * another already (then nothing is written and the answer is false); a seated assignment waits nowhere else.
     */
    private Uni<Boolean> book(SqlClient client, UUID sessionId, String userId, UUID assignmentId) {
        return client.preparedQuery("""
                        with booked as (
                            update assignment set session_id = $1, updated_at = now()
                            where id = $3 and session_id is null returning id),
                        enrolled as (
                            insert into enrolment (session_id, user_id, assignment_id)
                            select $1, $2, $3 where $3::uuid is null or exists (select 1 from booked)),
                        unlisted as (
                            delete from waitlist where assignment_id = $3 and exists (select 1 from booked))
                        select $3::uuid is null or exists (select 1 from booked) as seated""")
                .execute(Tuple.tuple(Arrays.asList(sessionId, userId, assignmentId)))
                .map(rows -> rows.iterator().next().getBoolean("seated"));
    }

    /** Books the seat just taken, or refuses (the transaction rolls back) when the assignment holds another. */
    private Uni<Void> seat(SqlClient client, UUID sessionId, String userId, UUID assignmentId) {
        return book(client, sessionId, userId, assignmentId)
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
        return client.preparedQuery(LOCK)
                .execute(Tuple.of(sessionId))
                .flatMap(locked -> client.preparedQuery(
                                "delete from waitlist where session_id = $1 and user_id = $2 returning id")
                        .execute(Tuple.of(sessionId, userId)))
                .flatMap(unlisted -> unlisted.rowCount() > 0
                        ? Uni.createFrom().item(new Released(true, null))
                        : client.preparedQuery("""
                                        with gone as (delete from enrolment where session_id = $1 and user_id = $2 returning assignment_id),
                                        unbooked as (
                                            update assignment set session_id = null, updated_at = now()
                                            where id in (select assignment_id from gone) and session_id = $1)
                                        select count(*) as gone from gone""")
                                .execute(Tuple.of(sessionId, userId))
                                .flatMap(gone -> gone.iterator().next().getLong("gone") == 0
                                        ? Uni.createFrom().item(new Released(false, null))
                                        : promote(client, sessionId)));
    }

    /**
     * A seat became free: the first person waiting whose training is still open and unbooked takes it (others,
     * completed, cancelled or seated elsewhere meanwhile, leave the waitlist), else the session has one seat more free.
     */
    private Uni<Released> promote(SqlClient client, UUID sessionId) {
        return client.preparedQuery("""
                        delete from waitlist where id = (select id from waitlist where session_id = $1 order by id limit 1)
                        returning user_id, assignment_id""").execute(Tuple.of(sessionId)).flatMap(first -> {
            if (first.size() == 0) {
                return client.preparedQuery(
                                "update training_session set seats_taken = seats_taken - 1 where id = $1 and seats_taken > 0")
                        .execute(Tuple.of(sessionId))
                        .replaceWith(new Released(true, null));
            }
            Row next = first.iterator().next();
            UUID assignment = next.getUUID("assignment_id");
            return stillWaiting(client, assignment)
                    .flatMap(open -> open
                            ? book(client, sessionId, next.getString("user_id"), assignment)
                            : Uni.createFrom().item(false))
                    .flatMap(seated -> seated
                            ? Uni.createFrom().item(new Released(true, next.getString("user_id")))
                            : promote(client, sessionId));
        });
    }

    /** Whether a waiting person's training still needs the seat (no assignment: an enrolment by HR, it does). */
    private Uni<Boolean> stillWaiting(SqlClient client, UUID assignmentId) {
        if (assignmentId == null) {
            return Uni.createFrom().item(true);
        }
        // the open statuses of AssignmentStore.OPEN (this package may not depend on assignment's)
        return client.preparedQuery("""
                        select 1 from assignment where id = $1 and session_id is null
                           and status in ('ASSIGNED', 'IN_PROGRESS', 'OVERDUE')""").execute(Tuple.of(assignmentId)).map(rows -> rows.size() == 1);
    }

    /** Books the person into the next future session of the module with a free seat; null when there is none. */
    public Uni<SessionRef> bookNext(SqlClient client, UUID moduleId, String userId, UUID assignmentId) {
        return client.preparedQuery("""
                        with next as (
                            select id from training_session
                            where module_id = $1 and starts_at > now() and seats_taken < capacity
                              and not exists (select 1 from enrolment e where e.session_id = training_session.id and e.user_id = $2)
                            order by starts_at, id limit 1 for update skip locked
                        ), taken as (
                            update training_session s set seats_taken = s.seats_taken + 1 from next
                            where s.id = next.id and s.seats_taken < s.capacity
                            returning s.id, s.starts_at, s.location
                        ), enrolled as (
                            insert into enrolment (session_id, user_id, assignment_id) select id, $2, $3 from taken
                        )
                        select * from taken""")
                .execute(Tuple.of(moduleId, userId, assignmentId))
                .map(rows -> rows.size() == 0
                        ? null
                        : new SessionRef(
                                rows.iterator().next().getUUID("id"),
                                rows.iterator().next().getOffsetDateTime("starts_at"),
                                rows.iterator().next().getString("location")));
    }

    /** The next future session of the module, full or not; null when none is scheduled. */
    public Uni<UUID> nextSession(SqlClient client, UUID moduleId) {
        return client.preparedQuery(
                        "select id from training_session where module_id = $1 and starts_at > now() order by starts_at, id limit 1")
                .execute(Tuple.of(moduleId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID("id"));
    }
}
