package io.uptake.metrics.scorecard;

import io.uptake.metrics.usage.ActiveDays;
import java.util.HashMap;
import java.util.Map;

/**
 * The usage of many people over consecutive periods, kept compactly (one bitmap calendar per person, one
 * array of per-period counts per person and action) and turned into a {@link Usage} per person and period
 * only when that period is scored, so that a trend over 100,000 people does not hold a map per person
 * for every period at once.
 */
public final class TeamUsage {

    private final int periods;
    private final Map<String, ActiveDays> days;
    private final Map<String, Map<String, long[]>> counts;

    TeamUsage(int periods, Map<String, ActiveDays> days) {
        this(periods, days, new HashMap<>());
    }

    private TeamUsage(int periods, Map<String, ActiveDays> days, Map<String, Map<String, long[]>> counts) {
        this.periods = periods;
        this.days = days;
        this.counts = counts;
    }

    /** The same counts with these active days (the two are read side by side). */
    TeamUsage withDays(Map<String, ActiveDays> days) {
        return new TeamUsage(periods, days, counts);
    }

    void count(String userId, String action, int period, long events) {
        counts.computeIfAbsent(userId, id -> new HashMap<>()).computeIfAbsent(action, a -> new long[periods])[period] +=
                events;
    }

    /** One person's usage in one period (their active days are the same calendar in every period). */
    public Usage of(String userId, int period) {
        Usage usage = Usage.empty().days(days.getOrDefault(userId, ActiveDays.none()));
        Map<String, long[]> perAction = counts.get(userId);
        if (perAction != null) {
            perAction.forEach((action, byPeriod) -> usage.count(action, byPeriod[period]));
        }
        return usage;
    }

    /** Everyone's usage in one period, by user id. */
    Map<String, Usage> period(int period) {
        Map<String, Usage> usage = new HashMap<>();
        days.keySet().forEach(user -> usage.put(user, of(user, period)));
        counts.keySet().forEach(user -> usage.computeIfAbsent(user, id -> of(id, period)));
        return usage;
    }
}
