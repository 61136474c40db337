package io.uptake.training.recertification;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.work.ClusterSchedule;
import io.uptake.platform.work.PeriodicWork;
import io.uptake.training.assessment.TestStore;
import io.uptake.training.assignment.Assigner;
import io.uptake.training.assignment.AssignmentDraft;
import io.uptake.training.assignment.Reason;
import io.uptake.training.assignment.TrainingEvents;
import io.uptake.training.inbox.ProcessedEventStore;
import io.uptake.training.policy.PolicyDefaults;
import io.uptake.training.policy.PolicyService;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Recertification: a passed skill expires after its policy's months; within the window before that the
 * person is assigned a re-test of the skill (the newest test covering it), once per expiry, however often
 * the check runs and on however many replicas (once per slot, {@link ClusterSchedule}; and the expiry is
 * recorded in {@code processed_event} in the assignment's transaction).
 */
@ApplicationScoped
public class RecertificationCheck {

    private final Pool pool;
    private final RecertificationStore store;
    private final Assigner assigner;
    private final ProcessedEventStore processed;
    private final TestStore tests;
    private final PolicyService policies;
    private final TrainingEvents events;
    private final PolicyDefaults defaults;
    private final RecertificationConfig config;
    private final Vertx vertx;
    private final PeriodicWork check;

    public RecertificationCheck(
            Pool pool,
            RecertificationStore store,
            Assigner assigner,
            ProcessedEventStore processed,
            TestStore tests,
            PolicyService policies,
            TrainingEvents events,
            PolicyDefaults defaults,
            RecertificationConfig config,
            Vertx vertx,
            ClusterSchedule schedule) {
        this.pool = pool;
        this.store = store;
        this.assigner = assigner;
        this.processed = processed;
        this.tests = tests;
        this.policies = policies;
        this.events = events;
        this.defaults = defaults;
        this.config = config;
        this.vertx = vertx;
        this.check = new PeriodicWork(
                "Recertification check",
                () -> schedule.oncePerSlot(
                        "recertification-check", Duration.ofMillis(config.checkMs()), this::assignDue));
    }

    void start(@Observes StartupEvent started) {
        check.start(vertx, Duration.ofMillis(config.checkMs()), Duration.ofMillis(config.checkMs()));
    }

    void stop(@Observes ShutdownEvent stopping) {
        check.stop();
    }

    /** Assigns the re-tests now due (a batch of them); returns how many were assigned. */
    public Uni<Integer> assignDue() {
        return store.due(defaults.validMonths(), config.windowDays())
                .flatMap(due -> Multi.createFrom()
                        .iterable(due)
                        .onItem()
                        .transformToUniAndConcatenate(
                                expiring -> pool.withTransaction(connection -> assign(connection, expiring)))
                        .collect()
                        .asList())
                .map(assigned ->
                        (int) assigned.stream().filter(Boolean::booleanValue).count())
                .invoke(count -> {
                    if (count > 0) {
                        Log.infof("Recertification: %d re-test(s) assigned", count);
                        events.runSoon();
                    }
                });
    }

    private Uni<Boolean> assign(SqlConnection connection, RecertificationStore.Expiring expiring) {
        return tests.newestCovering(connection, expiring.skill()).flatMap(testId -> {
            if (testId == null) {
                Log.debugf("Recertification of %s: no test covers it yet", expiring.skill());
                return Uni.createFrom().item(false);
            }
            return processed
                    .claim(connection, expiring.key())
                    .flatMap(first -> !first
                            ? Uni.createFrom().item(false)
                            : policies.find(connection, expiring.businessUnit())
                                    .flatMap(policy -> assigner.assign(
                                            connection,
                                            AssignmentDraft.test(
                                                    expiring.userId(),
                                                    expiring.businessUnit(),
                                                    expiring.skill(),
                                                    testId,
                                                    Certification.retestDue(
                                                            expiring.expiresOn(),
                                                            LocalDate.now(ZoneOffset.UTC),
                                                            policy.dueInDays()),
                                                    Reason.recertify(expiring.skill(), expiring.expiresOn()))))
                                    .map(assigned -> assigned != null));
        });
    }
}
