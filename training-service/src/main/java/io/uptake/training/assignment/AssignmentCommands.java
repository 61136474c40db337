package io.uptake.training.assignment;

import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.access.Caller;
import io.uptake.platform.api.Conflict;
import io.uptake.platform.api.InvalidInput;
import io.uptake.training.assessment.TestStore;
import io.uptake.training.module.ModuleStore;
import io.uptake.training.policy.PolicyService;
import io.uptake.training.session.Seats;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * What is done to one assignment: completing it (and the re-test that completing every training of a
 * skill leads to), and HR's changes. Each locks the sessions the assignment sits in or waits for before
 * the assignment itself ({@link Seats#lockSessionsOf}).
 */
@ApplicationScoped
public class AssignmentCommands {

    private final Pool pool;
    private final AssignmentStore store;
    private final Assigner assigner;
    private final TrainingEvents events;
    private final Seats seats;
    private final TestStore tests;
    private final ModuleStore modules;
    private final PolicyService policies;

    public AssignmentCommands(
            Pool pool,
            AssignmentStore store,
            Assigner assigner,
            TrainingEvents events,
            Seats seats,
            TestStore tests,
            ModuleStore modules,
            PolicyService policies) {
        this.pool = pool;
        this.store = store;
        this.assigner = assigner;
        this.events = events;
        this.seats = seats;
        this.tests = tests;
        this.modules = modules;
        this.policies = policies;
    }

    /**
     * The assignee (eLearning) or HR (any mode) completes a TRAINING assignment; completing every one of a skill assigns
     * a re-test of it.
     */
    public Uni<AssignmentView> complete(Caller caller, UUID id) {
        return pool.withTransaction(connection -> seats.lockSessionsOf(connection, id)
                        .chain(() -> store.lock(connection, id))
                        .flatMap(assignment -> {
                            if (assignment == null || !(assignment.userId().equals(caller.userId()) || caller.hr())) {
                                throw new NotFoundException("No assignment " + id + " of yours");
                            }
                            if (assignment.status() == AssignmentStatus.COMPLETED) {
                                return store.find(connection, id);
                            }
                            if (assignment.status() == AssignmentStatus.CANCELLED) {
                                throw new Conflict("The assignment is cancelled");
                            }
                            if (assignment.kind() == AssignmentKind.TEST) {
                                throw new Conflict("A test assignment completes when the test is submitted");
                            }
                            if (!Completion.mayMarkDone(caller, assignment.userId(), assignment.mode())) {
                                throw new ForbiddenException(Completion.INSTRUCTOR_LED_RULE);
                            }
                            return store.markCompleted(connection, id)
                                    .chain(() -> seats.leaveWaitlists(connection, id))
                                    .chain(() -> store.find(connection, id))
                                    .call(completed ->
                                            events.record(connection, TrainingEvents.COMPLETED, List.of(completed)))
                                    .call(completed -> retestIfDone(connection, assignment));
                        }))
                .invoke(events::runSoon);
    }

    /** Once no training of the skill is open, a re-test: the test the training came from, else the newest covering the skill. */
    private Uni<Void> retestIfDone(SqlConnection connection, AssignmentStore.Locked completed) {
        return assigner.hasOpenTraining(connection, completed.userId(), completed.skill())
                .flatMap(open -> open ? Uni.createFrom().<UUID>nullItem() : retestOf(connection, completed))
                .flatMap(testId -> testId == null
                        ? Uni.createFrom().voidItem()
                        : policies.find(connection, completed.businessUnit())
                                .flatMap(policy -> assigner.assign(
                                        connection,
                                        AssignmentDraft.test(
                                                completed.userId(),
                                                completed.businessUnit(),
                                                completed.skill(),
                                                testId,
                                                LocalDate.now(ZoneOffset.UTC).plusDays(policy.dueInDays()),
                                                Reason.retest(completed.skill()))))
                                .replaceWithVoid());
    }

    private Uni<UUID> retestOf(SqlConnection connection, AssignmentStore.Locked completed) {
        return completed.testId() != null
                ? Uni.createFrom().item(completed.testId())
                : tests.newestCovering(connection, completed.skill());
    }

    /** HR changes the due date or the mode, or cancels; an open assignment due again in the future is no longer overdue. */
    public Uni<AssignmentView> change(UUID id, AssignmentChange change) {
        if (change.dueOn() == null && change.mode() == null && change.status() == null) {
            throw new InvalidInput("dueOn", "name a dueOn, a mode, or status CANCELLED");
        }
        AssignmentStatus status = change.status() == null ? null : AssignmentStatus.valueOf(change.status());
        return pool.withTransaction(connection -> seats.lockSessionsOf(connection, id)
                .chain(() -> store.lock(connection, id))
                .flatMap(assignment -> {
                    if (assignment == null) {
                        throw new NotFoundException("No assignment " + id);
                    }
                    if (assignment.status() == AssignmentStatus.COMPLETED
                            || assignment.status() == AssignmentStatus.CANCELLED) {
                        throw new Conflict("The assignment is "
                                + assignment.status().name().toLowerCase() + "; it no longer changes");
                    }
                    if (change.mode() != null && assignment.kind() == AssignmentKind.TEST) {
                        throw new InvalidInput("mode", "a test assignment has no mode");
                    }
                    boolean leaves = status == AssignmentStatus.CANCELLED || change.mode() != null;
                    boolean releaseSeat = assignment.sessionId() != null && leaves;
                    return (releaseSeat
                                    ? seats.release(connection, assignment.sessionId(), assignment.userId())
                                            .replaceWithVoid()
                                    : Uni.createFrom().voidItem())
                            .chain(() -> leaves
                                    ? seats.leaveWaitlists(connection, id)
                                    : Uni.createFrom().voidItem())
                            .chain(() -> moduleFor(connection, assignment, change))
                            .chain(moduleId -> store.change(
                                    connection, id, change.dueOn(), change.mode(), moduleId, releaseSeat, status))
                            .chain(() -> store.find(connection, id));
                }));
    }

    /** The newest module in the newly asked mode that covers the skill; null when the mode stays. */
    private Uni<UUID> moduleFor(SqlConnection connection, AssignmentStore.Locked assignment, AssignmentChange change) {
        if (change.mode() == null) {
            return Uni.createFrom().nullItem();
        }
        return modules.newestInMode(connection, assignment.skill(), change.mode())
                .invoke(found -> {
                    if (found == null) {
                        throw new InvalidInput("mode", "no " + change.mode() + " module covers " + assignment.skill());
                    }
                });
    }
}
