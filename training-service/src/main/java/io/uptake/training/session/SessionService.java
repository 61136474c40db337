package io.uptake.training.session;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.Conflict;
import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.PageView;
import io.uptake.training.access.Caller;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Instructor-led sessions and enrolments into them. */
@ApplicationScoped
public class SessionService {

    private final Pool pool;
    private final Seats seats;

    public SessionService(Pool pool, Seats seats) {
        this.pool = pool;
        this.seats = seats;
    }

    public Uni<SessionView> create(NewSession request) {
        UUID id = UUID.randomUUID();
        return pool.preparedQuery("""
                        insert into training_session (id, module_id, starts_at, location, capacity)
                        select $1, id, $3, $4, $5 from training_module where id = $2 and mode = 'INSTRUCTOR_LED'""")
                .execute(Tuple.of(
                        id,
                        request.moduleId(),
                        request.startsAt(),
                        request.location().strip(),
                        request.capacity()))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new InvalidInput("moduleId", "no instructor-led module " + request.moduleId());
                    }
                    return new SessionView(
                            id,
                            request.moduleId(),
                            request.startsAt(),
                            request.location().strip(),
                            request.capacity(),
                            0);
                });
    }

    public Uni<PageView<SessionView>> list(UUID moduleId, int page, int size) {
        return pool.preparedQuery("""
                        select *, count(*) over () as total from training_session where ($1::uuid is null or module_id = $1)
                        order by starts_at, id limit $2 offset $3""")
                .execute(Tuple.of(moduleId, size, io.uptake.platform.api.PagingLimit.offset(page, size)))
                .map(rows -> {
                    List<SessionView> items = new ArrayList<>();
                    long total = 0;
                    for (Row row : rows) {
                        total = row.getLong("total");
                        items.add(new SessionView(
                                row.getUUID("id"),
                                row.getUUID("module_id"),
                                row.getOffsetDateTime("starts_at"),
                                row.getString("location"),
                                row.getInteger("capacity"),
                                row.getInteger("seats_taken")));
                    }
                    return new PageView<>(items, page, size, total);
                });
    }

    /**
     * Enrols HR's named person, or the caller when they hold an open assignment of the session's module
     * that has no session yet; a full session puts them on its waitlist instead. 409 when already enrolled
     * or waiting; never beyond capacity (see {@link Seats}).
     */
    public Uni<EnrolmentView> enrol(Caller caller, UUID sessionId, String userId) {
        if (userId != null && !caller.hr()) {
            throw new ForbiddenException("Only HR enrols someone else");
        }
        String person = userId != null ? userId.strip() : caller.userId();
        return pool.withTransaction(connection -> connection
                .preparedQuery("select module_id, starts_at, location from training_session where id = $1")
                .execute(Tuple.of(sessionId))
                .flatMap(sessions -> {
                    if (sessions.size() == 0) {
                        throw new NotFoundException("No session " + sessionId);
                    }
                    Row session = sessions.iterator().next();
                    return connection
                            .preparedQuery("""
                                    select id, session_id from assignment where user_id = $1 and module_id = $2 and kind = 'TRAINING'
                                    and status in ('ASSIGNED', 'IN_PROGRESS', 'OVERDUE') order by session_id nulls first, created_at limit 1""")
                            .execute(Tuple.of(person, session.getUUID("module_id")))
                            .flatMap(assignments -> {
                                Row assignment = assignments.size() == 0
                                        ? null
                                        : assignments.iterator().next();
                                if (userId == null && assignment == null) {
                                    throw new ForbiddenException(
                                            "You have no open assignment of this session's module");
                                }
                                if (userId == null && assignment.getUUID("session_id") != null) {
                                    throw new Conflict("Your assignment is already booked into session "
                                            + assignment.getUUID("session_id"));
                                }
                                UUID assignmentId = assignment == null || assignment.getUUID("session_id") != null
                                        ? null
                                        : assignment.getUUID("id");
                                return seats.seatOrWait(connection, sessionId, person, assignmentId)
                                        .map(outcome -> switch (outcome.kind()) {
                                            case SEATED, WAITLISTED ->
                                                new EnrolmentView(
                                                        sessionId,
                                                        person,
                                                        assignmentId,
                                                        session.getOffsetDateTime("starts_at"),
                                                        session.getString("location"),
                                                        outcome.kind().name(),
                                                        outcome.position());
                                            case ALREADY_SEATED ->
                                                throw new Conflict(
                                                        person + " is already enrolled in session " + sessionId);
                                            case ALREADY_WAITLISTED ->
                                                throw new Conflict(
                                                        person + " is already on the waitlist of session " + sessionId);
                                            case NO_SESSION -> throw new NotFoundException("No session " + sessionId);
                                        });
                            });
                }));
    }

    /**
     * The person leaves the session (HR for anyone, a person for themself): off the waitlist, or out of
     * their seat, which the first person waiting takes. 404 when they were neither seated nor waiting.
     */
    public Uni<Void> leave(Caller caller, UUID sessionId, String userId) {
        if (!caller.hr() && !userId.equals(caller.userId())) {
            throw new ForbiddenException("Only HR takes someone else out of a session");
        }
        return pool.withTransaction(connection -> seats.release(connection, sessionId, userId))
                .map(released -> {
                    if (!released.found()) {
                        throw new NotFoundException(
                                userId + " is neither enrolled in nor waiting for session " + sessionId);
                    }
                    return null;
                });
    }

    /** The waitlist of a session, first come first served (HR). */
    public Uni<PageView<WaitlistEntry>> waitlist(UUID sessionId, int page, int size) {
        return pool.preparedQuery("""
                        select user_id, assignment_id, created_at, row_number() over (order by id) as position, count(*) over () as total
                        from waitlist where session_id = $1 order by id limit $2 offset $3""")
                .execute(Tuple.of(sessionId, size, io.uptake.platform.api.PagingLimit.offset(page, size)))
                .map(rows -> {
                    List<WaitlistEntry> items = new ArrayList<>();
                    long total = 0;
                    for (Row row : rows) {
                        total = row.getLong("total");
                        items.add(new WaitlistEntry(
                                row.getLong("position").intValue(),
                                row.getString("user_id"),
                                row.getUUID("assignment_id"),
                                row.getOffsetDateTime("created_at")));
                    }
                    return new PageView<>(items, page, size, total);
                });
    }
}
