package io.uptake.training.session;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.access.Caller;
import io.uptake.platform.api.Conflict;
import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.PageView;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import java.util.UUID;

/** Instructor-led sessions and enrolments into them. */
@ApplicationScoped
public class SessionService {

    private final Pool pool;
    private final SessionStore store;
    private final Seats seats;

    public SessionService(Pool pool, SessionStore store, Seats seats) {
        this.pool = pool;
        this.store = store;
        this.seats = seats;
    }

    public Uni<SessionView> create(NewSession request) {
        UUID id = UUID.randomUUID();
        return store.insert(id, request).map(title -> {
            if (title == null) {
                throw new InvalidInput("moduleId", "no instructor-led module " + request.moduleId());
            }
            return new SessionView(
                    id,
                    request.moduleId(),
                    title,
                    request.startsAt(),
                    request.location().strip(),
                    request.capacity(),
                    0,
                    0);
        });
    }

    public Uni<PageView<SessionView>> list(UUID moduleId, int page, int size) {
        return store.page(moduleId, page, size);
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
        return pool.withTransaction(connection -> store.slot(connection, sessionId)
                .flatMap(session -> {
                    if (session == null) {
                        throw new NotFoundException("No session " + sessionId);
                    }
                    return store.openAssignment(connection, person, session.moduleId())
                            .flatMap(assignment -> {
                                if (userId == null && assignment == null) {
                                    throw new ForbiddenException(
                                            "You have no open assignment of this session's module");
                                }
                                if (userId == null && assignment.sessionId() != null) {
                                    throw new Conflict(
                                            "Your assignment is already booked into session " + assignment.sessionId());
                                }
                                UUID assignmentId =
                                        assignment == null || assignment.sessionId() != null ? null : assignment.id();
                                return seats.seatOrWait(connection, sessionId, person, assignmentId)
                                        .map(outcome -> switch (outcome.kind()) {
                                            case SEATED, WAITLISTED ->
                                                new EnrolmentView(
                                                        sessionId,
                                                        person,
                                                        assignmentId,
                                                        session.startsAt(),
                                                        session.location(),
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

    /** The waitlist of a session, first come first served (HR); 404 when there is no session. */
    public Uni<PageView<WaitlistEntry>> waitlist(UUID sessionId, int page, int size) {
        return known(sessionId).chain(() -> store.waitlist(sessionId, page, size));
    }

    /** The seats taken in a session (HR); 404 when there is no session. */
    public Uni<PageView<SeatView>> seats(UUID sessionId, int page, int size) {
        return known(sessionId).chain(() -> store.seats(sessionId, page, size));
    }

    private Uni<Void> known(UUID sessionId) {
        return store.exists(sessionId)
                .invoke(exists -> {
                    if (!exists) {
                        throw new NotFoundException("No session " + sessionId);
                    }
                })
                .replaceWithVoid();
    }
}
