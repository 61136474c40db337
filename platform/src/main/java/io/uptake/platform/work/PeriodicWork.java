package io.uptake.platform.work;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Work that runs on a timer and on request, never twice at once: a tick that finds the last run still
 * under way is skipped (a slow database never piles runs up), a request made during a run makes it run
 * once more right after (so what the request was about is not left for the next tick). A failed run is
 * logged and the next tick tries again.
 */
public final class PeriodicWork {

    private final String name;
    private final Supplier<Uni<?>> work;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private Vertx vertx;
    private long timer = -1;

    public PeriodicWork(String name, Supplier<Uni<?>> work) {
        this.name = name;
        this.work = work;
    }

    /** Starts the timer: the first run after {@code firstAfter}, then every {@code every}. */
    public synchronized void start(Vertx vertx, Duration firstAfter, Duration every) {
        stop();
        this.vertx = vertx;
        timer = vertx.setPeriodic(
                Math.max(1, firstAfter.toMillis()), Math.max(1, every.toMillis()), tick -> runUnlessRunning());
    }

    public synchronized void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    /** Runs now, or once more as soon as the run under way ends. */
    public void runSoon() {
        if (!runUnlessRunning()) {
            again.set(true);
            if (!running.get() && again.getAndSet(false)) {
                runUnlessRunning(); // the run ended between the two checks
            }
        }
    }

    /** Whether this call started a run (false: one was under way). */
    boolean runUnlessRunning() {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        Uni<?> run;
        try {
            run = work.get();
        } catch (RuntimeException failure) {
            run = Uni.createFrom().failure(failure);
        }
        run.onTermination()
                .invoke(this::ended)
                .subscribe()
                .with(done -> {}, failure -> Log.warnf("%s failed, will retry: %s", name, failure.getMessage()));
        return true;
    }

    private void ended() {
        running.set(false);
        if (again.getAndSet(false)) {
            runUnlessRunning();
        }
    }

    public boolean isRunning() {
        return running.get();
    }
}
