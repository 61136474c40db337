package io.uptake.metrics.scorecard;

import io.uptake.metrics.usage.ActiveDays;
import java.util.HashMap;
import java.util.Map;

/**
 * One person's use of the CRM, from the per-person aggregates: the days with any use (over the range
 * and the 30 days before its end), and the count of each action the objectives name over the range.
 */
public final class Usage {

    /** No use at all; a new instance each time, since a Usage is filled in place. */
    public static Usage empty() {
        return new Usage();
    }

    private ActiveDays days = ActiveDays.none();
    private final Map<String, Long> actions = new HashMap<>();

    public Usage days(ActiveDays days) {
        this.days = days;
        return this;
    }

    public Usage count(String action, long events) {
        actions.merge(action, events, Long::sum);
        return this;
    }

    public ActiveDays days() {
        return days;
    }

    long count(String action) {
        return actions.getOrDefault(action, 0L);
    }
}
