package io.uptake.training.session;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.Pages;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

/**
 * Sessions, their seats (enrolments) and waitlists in PostgreSQL. Booking a seat and giving one back also
 * set or clear the assignment's {@code session_id} in the same statement, so that a seat and the
 * assignment booked into it never disagree (this package may not depend on assignment's, see {@link Seats}).
 */
@ApplicationScoped
public class SessionStore {

    /** When and where a session is, and of which module. */
    public record Slot(UUID moduleId, OffsetDateTime startsAt, String location) {}

    /** An open training assignment of a module, and the session it is booked into (null: none yet). */
    public record OpenAssignment(UUID id, UUID sessionId) {}

    /** The first person on a waitlist, taken off it. */
    public record Waiting(String userId, UUID assignmentId) {}

    private final Pool pool;

    public SessionStore(Pool pool) {
        this.pool = pool;
    }

    /** Inserts the session; its module's title, or null (nothing inserted) when the module is not an instructor-led one. */
    public Uni<String> insert(UUID id, NewSession session) {
        return pool.preparedQuery("""
                        with inserted as (
                            insert into training_session (id, module_id, starts_at, location, capacity)
                            select $1, id, $3, $4, $5 from training_module where id = $2 and mode = 'INSTRUCTOR_LED'
                            returning module_id)
                        select m.title from inserted join training_module m on m.id = inserted.module_id""")
                .execute(Tuple.of(
                        id,
                        session.moduleId(),
                        session.startsAt(),
                        session.location().strip(),
                        session.capacity()))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("title"));
    }

    /** A page of sessions (of a module, or all) by start time, with the module's title and how many wait. */
    public Uni<PageView<SessionView>> page(UUID moduleId, int page, int size) {
        return pool.preparedQuery("""
                        select s.*, m.title as module_title,
                               (select count(*) from waitlist w where w.session_id = s.id) as waiting, count(*) over () as total
                        from training_session s join training_module m on m.id = s.module_id
                        where ($1::uuid is null or s.module_id = $1)
                        order by s.starts_at, s.id limit $2 offset $3""")
                .execute(Tuple.of(moduleId, size, io.uptake.platform.api.PagingLimit.offset(page, size)))
                .map(rows -> Pages.of(
                        rows,
                        row -> new SessionView(
                                row.getUUID("id"),
                                row.getUUID("module_id"),
                                row.getString("module_title"),
                                row.getOffsetDateTime("starts_at"),
                                row.getString("location"),
                                row.getInteger("capacity"),
                                row.getInteger("seats_taken"),
                                row.getLong("waiting")),
                        page,
                        size));
    }

    /** The session's module, time and place; null when there is no such session. */
    public Uni<Slot> slot(SqlClient client, UUID sessionId) {
        return client.preparedQuery("select module_id, starts_at, location from training_session where id = $1")
                .execute(Tuple.of(sessionId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new Slot(
                            row.getUUID("module_id"), row.getOffsetDateTime("starts_at"), row.getString("location"));
                });
    }

    /** The person's open training of the module, an unbooked one first; null when they have none. */
    public Uni<OpenAssignment> openAssignment(SqlClient client, String userId, UUID moduleId) {
        // the open statuses of AssignmentStore.OPEN (this package may not depend on assignment's)
        return client.preparedQuery("""
                        select id, session_id from assignment where user_id = $1 and module_id = $2 and kind = 'TRAINING'
                        and status in ('ASSIGNED', 'IN_PROGRESS', 'OVERDUE') order by session_id nulls first, created_at limit 1""").execute(Tuple.of(userId, moduleId)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            return new OpenAssignment(row.getUUID("id"), row.getUUID("session_id"));
        });
    }

    /** Whether there is such a session. */
    public Uni<Boolean> exists(UUID sessionId) {
        return pool.preparedQuery("select 1 from training_session where id = $1")
                .execute(Tuple.of(sessionId))
                .map(rows -> rows.size() > 0);
    }

    /** A page of the session's waitlist in its order, with each person's name from the roster. */
    public Uni<PageView<WaitlistEntry>> waitlist(UUID sessionId, int page, int size) {
        return pool.preparedQuery("""
                        select w.user_id, p.display_name, w.assignment_id, w.created_at,
                               row_number() over (order by w.id) as position, count(*) over () as total
                        from waitlist w left join person p on p.user_id = w.user_id
                        where w.session_id = $1 order by w.id limit $2 offset $3""")
                .execute(Tuple.of(sessionId, size, io.uptake.platform.api.PagingLimit.offset(page, size)))
                .map(rows -> Pages.of(
                        rows,
                        row -> new WaitlistEntry(
                                row.getLong("position").intValue(),
                                row.getString("user_id"),
                                row.getString("display_name"),
                                row.getUUID("assignment_id"),
                                row.getOffsetDateTime("created_at")),
                        page,
                        size));
    }

    /** A page of the seats taken in the session, first booked first, with each person's name from the roster. */
    public Uni<PageView<SeatView>> seats(UUID sessionId, int page, int size) {
        return pool.preparedQuery("""
                        select e.user_id, p.display_name, e.assignment_id, e.created_at, count(*) over () as total
                        from enrolment e left join person p on p.user_id = e.user_id
                        where e.session_id = $1 order by e.created_at, e.user_id limit $2 offset $3""")
                .execute(Tuple.of(sessionId, size, io.uptake.platform.api.PagingLimit.offset(page, size)))
                .map(rows -> Pages.of(
                        rows,
                        row -> new SeatView(
                                row.getString("user_id"),
                                row.getString("display_name"),
                                row.getUUID("assignment_id"),
                                row.getOffsetDateTime("created_at")),
                        page,
                        size));
    }

    /** Locks the sessions an assignment sits in or waits for, in id order. */
    public Uni<Void> lockSessionsOf(SqlClient client, UUID assignmentId) {
        return client.preparedQuery("""
                        select 1 from training_session where id in (
                            select session_id from assignment where id = $1 and session_id is not null
                            union select session_id from waitlist where assignment_id = $1)
                        order by id for update""").execute(Tuple.of(assignmentId)).replaceWithVoid();
    }

    /** Locks the session row; false when there is no such session. */
    public Uni<Boolean> lock(SqlClient client, UUID sessionId) {
        return client.preparedQuery("select capacity, seats_taken from training_session where id = $1 for update")
                .execute(Tuple.of(sessionId))
                .map(rows -> rows.size() > 0);
    }

    /** Whether the person holds a seat in the session ({@code seated}) or waits for one ({@code waiting}). */
    public record Presence(boolean seated, boolean waiting) {}

    public Uni<Presence> presence(SqlClient client, UUID sessionId, String userId) {
        return client.preparedQuery("""
                        select exists (select 1 from enrolment where session_id = $1 and user_id = $2) as seated,
                               exists (select 1 from waitlist where session_id = $1 and user_id = $2) as waiting""").execute(Tuple.of(sessionId, userId)).map(rows -> {
            Row row = rows.iterator().next();
            return new Presence(row.getBoolean("seated"), row.getBoolean("waiting"));
        });
    }

    /** Takes a seat in this session; false when it is full. */
    public Uni<Boolean> takeSeat(SqlClient client, UUID sessionId) {
        return client.preparedQuery(
                        "update training_session set seats_taken = seats_taken + 1 where id = $1 and seats_taken < capacity")
                .execute(Tuple.of(sessionId))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Gives a seat back to the session (never below zero taken). */
    public Uni<Void> freeSeat(SqlClient client, UUID sessionId) {
        return client.preparedQuery(
                        "update training_session set seats_taken = seats_taken - 1 where id = $1 and seats_taken > 0")
                .execute(Tuple.of(sessionId))
                .replaceWithVoid();
    }

    /** Puts the person at the end of the session's waitlist; their 1-based position. */
    public Uni<Integer> addToWaitlist(SqlClient client, UUID sessionId, String userId, UUID assignmentId) {
        return client.preparedQuery("""
                        with added as (
                            insert into waitlist (session_id, user_id, assignment_id) values ($1, $2, $3) returning id)
                        select (select count(*) from waitlist where session_id = $1) + 1 as position from added""")
                .execute(Tuple.of(sessionId, userId, assignmentId))
                .map(rows -> rows.iterator().next().getLong("position").intValue());
    }

    /**
     * The enrolment row and, when there is one, the assignment booked into the session, if it is not booked into
     * another already (then nothing is written and the answer is false); a seated assignment waits nowhere else.
     */
    public Uni<Boolean> book(SqlClient client, UUID sessionId, String userId, UUID assignmentId) {
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

    /** Takes the person off the session's waitlist; false when they were not on it. */
    public Uni<Boolean> leaveWaitlist(SqlClient client, UUID sessionId, String userId) {
        return client.preparedQuery("delete from waitlist where session_id = $1 and user_id = $2 returning id")
                .execute(Tuple.of(sessionId, userId))
                .map(rows -> rows.rowCount() > 0);
    }

    /** Takes an assignment off every waitlist it is on. */
    public Uni<Void> leaveWaitlists(SqlClient client, UUID assignmentId) {
        return client.preparedQuery("delete from waitlist where assignment_id = $1")
                .execute(Tuple.of(assignmentId))
                .replaceWithVoid();
    }

    /** Removes the person's enrolment and unbooks the assignment it held; false when they held no seat. */
    public Uni<Boolean> vacateSeat(SqlClient client, UUID sessionId, String userId) {
        return client.preparedQuery("""
                        with gone as (delete from enrolment where session_id = $1 and user_id = $2 returning assignment_id),
                        unbooked as (
                            update assignment set session_id = null, updated_at = now()
                            where id in (select assignment_id from gone) and session_id = $1)
                        select count(*) as gone from gone""")
                .execute(Tuple.of(sessionId, userId))
                .map(rows -> rows.iterator().next().getLong("gone") > 0);
    }

    /** Takes the first person off the session's waitlist; null when nobody waits. */
    public Uni<Waiting> takeFirstWaiting(SqlClient client, UUID sessionId) {
        return client.preparedQuery("""
                        delete from waitlist where id = (select id from waitlist where session_id = $1 order by id limit 1)
                        returning user_id, assignment_id""").execute(Tuple.of(sessionId)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            return new Waiting(row.getString("user_id"), row.getUUID("assignment_id"));
        });
    }

    /** Whether the assignment is still open and booked into no session. */
    public Uni<Boolean> openAndUnbooked(SqlClient client, UUID assignmentId) {
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
