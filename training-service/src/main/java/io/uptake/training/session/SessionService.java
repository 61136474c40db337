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
     * that has no session yet. 409 when full or already enrolled; never beyond capacity.
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
                                return connection
                                        .preparedQuery("""
                                                insert into enrolment (session_id, user_id, assignment_id) values ($1, $2, $3)
                                                on conflict do nothing""")
                                        .execute(Tuple.of(sessionId, person, assignmentId))
                                        .flatMap(inserted -> {
                                            if (inserted.rowCount() == 0) {
                                                throw new Conflict(
                                                        person + " is already enrolled in session " + sessionId);
                                            }
                                            return seats.take(connection, sessionId);
                                        })
                                        .flatMap(taken -> {
                                            if (!taken) {
                                                throw new Conflict("Session " + sessionId + " is full");
                                            }
                                            return assignmentId == null
                                                    ? Uni.createFrom().voidItem()
                                                    : connection
                                                            .preparedQuery(
                                                                    "update assignment set session_id = $2, updated_at = now() where id = $1")
                                                            .execute(Tuple.of(assignmentId, sessionId))
                                                            .replaceWithVoid();
                                        })
                                        .replaceWith(new EnrolmentView(
                                                sessionId,
                                                person,
                                                assignmentId,
                                                session.getOffsetDateTime("starts_at"),
                                                session.getString("location")));
                            });
                }));
    }
}
