package io.uptake.metrics.scorecard;

import java.util.HashMap;
import java.util.Map;

/** One person's use of the CRM over a range, from the rollups: days with any use, and the count of each action. */
public final class Usage {

    /** No use at all; a new instance each time, since a Usage is filled in place. */
    public static Usage empty() {
        return new Usage();
    }

    private long activeDays;
    private final Map<String, Long> actions = new HashMap<>();

    public Usage activeDays(long days) {
        this.activeDays = days;
        return this;
    }

    public Usage count(String action, long events) {
        actions.merge(action, events, Long::sum);
        return this;
    }

    long activeDays() {
        return activeDays;
    }

    long count(String action) {
        return actions.getOrDefault(action, 0L);
    }

    boolean none() {
        return activeDays == 0;
    }
}
