package io.uptake.gateway.routing;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Event streams each caller holds open through this gateway, across all upstreams, so that one
 * caller cannot fill the stream pool that everyone shares.
 */
final class StreamSeats {

    private final int perCaller;
    private final ConcurrentMap<String, Integer> open = new ConcurrentHashMap<>();

    StreamSeats(int perCaller) {
        this.perCaller = perCaller;
    }

    /** Takes a seat; false when the caller holds every seat they may. */
    boolean take(String caller) {
        boolean[] taken = {false};
        open.compute(caller, (who, held) -> {
            int now = held == null ? 0 : held;
            taken[0] = now < perCaller;
            return taken[0] ? now + 1 : held;
        });
        return taken[0];
    }

    void release(String caller) {
        open.computeIfPresent(caller, (who, held) -> held <= 1 ? null : held - 1);
    }

    int held(String caller) {
        return open.getOrDefault(caller, 0);
    }
}
