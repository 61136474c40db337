package io.uptake.training.assignment;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.work.ClusterSchedule;
import io.uptake.platform.work.PeriodicWork;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/** The timer that marks OVERDUE what is still open after its due date, once per slot across the replicas. */
@ApplicationScoped
public class OverdueCheck {

    private final AssignmentStore store;
    private final Vertx vertx;
    private final Duration every;
    private final PeriodicWork check;

    public OverdueCheck(AssignmentStore store, Vertx vertx, AssignmentsConfig config, ClusterSchedule schedule) {
        this.store = store;
        this.vertx = vertx;
        this.every = Duration.ofMillis(config.overdueCheckMs());
        this.check = new PeriodicWork(
                "Overdue assignment check", () -> schedule.oncePerSlot("overdue-check", every, this::markOverdue));
    }

    void start(@Observes StartupEvent started) {
        check.start(vertx, every, every);
    }

    void stop(@Observes ShutdownEvent stopping) {
        check.stop();
    }

    /** Marks OVERDUE what is still open after its due date; returns how many. */
    public Uni<Integer> markOverdue() {
        return store.markOverdue();
    }
}
