package io.uptake.metrics.report;

import io.smallrye.mutiny.Uni;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * At most {@code permits} report computations at once; the others wait their turn in order. An
 * organisation-wide report holds every person's rows in memory while it is computed, so unbounded
 * concurrency is what would exhaust the heap (100,000 people, 8 requests at once did).
 */
final class ComputeLimiter {

    private final int permits;
    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private int running;

    ComputeLimiter(int permits) {
        this.permits = permits;
    }

    <T> Uni<T> run(Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Runnable start = () ->
                    work.get().onTermination().invoke(this::release).subscribe().with(emitter::complete, emitter::fail);
            if (admit(start)) {
                start.run();
            }
        });
    }

    /** Whether the work may start now; otherwise it is queued and started by a release. */
    private synchronized boolean admit(Runnable start) {
        if (running < permits) {
            running++;
            return true;
        }
        waiting.addLast(start);
        return false;
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.pollFirst();
            if (next == null) {
                running--;
            }
        }
        if (next != null) {
            next.run();
        }
    }
}
