package io.uptake.gateway.routing;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Event streams open through this gateway replica: at most {@code perCaller} for each caller (so that one caller
 * cannot fill the replica), and at most {@code total} in all (so that the replica refuses a stream it cannot hold at
 * once, rather than leaving it waiting for a connection).
 */
final class StreamSeats {

    /** Whether a seat was taken, and if not, whose limit stood in the way. */
    enum Taken {
        YES,
        CALLER_FULL,
        REPLICA_FULL
    }

    private final int perCaller;
    private final int total;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentMap<String, Integer> byCaller = new ConcurrentHashMap<>();

    StreamSeats(int perCaller, int total) {
        this.perCaller = perCaller;
        this.total = total;
    }

    Taken take(String caller) {
        if (open.incrementAndGet() > total) {
            open.decrementAndGet();
            return Taken.REPLICA_FULL;
        }
        boolean[] taken = {false};
        byCaller.compute(caller, (who, held) -> {
            int now = held == null ? 0 : held;
            taken[0] = now < perCaller;
            return taken[0] ? now + 1 : held;
        });
        if (!taken[0]) {
            open.decrementAndGet();
            return Taken.CALLER_FULL;
        }
        return Taken.YES;
    }

    void release(String caller) {
        byCaller.computeIfPresent(caller, (who, held) -> held <= 1 ? null : held - 1);
        open.decrementAndGet();
    }

    int held(String caller) {
        return byCaller.getOrDefault(caller, 0);
    }

    int open() {
        return open.get();
    }

    int total() {
        return total;
    }
}
