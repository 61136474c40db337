package io.uptake.metrics.scorecard;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** One person's rollups over a range: the days with any use, and the count of each action. */
final class Usage {

    private final Set<LocalDate> activeDays = new HashSet<>();
    private final Map<String, Long> actions = new HashMap<>();

    void add(LocalDate day, String action, long events) {
        if (events > 0) {
            activeDays.add(day);
            actions.merge(action, events, Long::sum);
        }
    }

    long activeDays() {
        return activeDays.size();
    }

    long count(String action) {
        return actions.getOrDefault(action, 0L);
    }

    boolean none() {
        return activeDays.isEmpty();
    }
}
