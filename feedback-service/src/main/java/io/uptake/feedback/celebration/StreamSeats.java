package io.uptake.feedback.celebration;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** How many live streams each person holds open, so that one person cannot hold them all. */
final class StreamSeats {

    private final int perPerson;
    private final ConcurrentMap<String, Integer> open = new ConcurrentHashMap<>();

    StreamSeats(int perPerson) {
        this.perPerson = perPerson;
    }

    /** Takes a seat for the person; false when they already hold every seat they may. */
    boolean take(String person) {
        boolean[] taken = {false};
        open.compute(person, (who, held) -> {
            int now = held == null ? 0 : held;
            if (now >= perPerson) {
                return held;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    void release(String person) {
        open.computeIfPresent(person, (who, held) -> held <= 1 ? null : held - 1);
    }

    int held(String person) {
        return open.getOrDefault(person, 0);
    }
}
