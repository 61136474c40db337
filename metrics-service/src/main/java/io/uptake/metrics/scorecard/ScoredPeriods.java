package io.uptake.metrics.scorecard;

import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.objective.ObjectivesView;
import io.uptake.metrics.roster.Memberships;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A team scored over consecutive periods, kept so that a report can be brought up to date by rescoring only the
 * people whose usage changed ({@link TeamScorecards#rescored}). Per period it holds who was on the active roster
 * when the period was judged, the objectives in force then, and each person's part of the report (what the report
 * keeps of a scorecard: a shortfall row, a person's share of a unit's adoption; absent when it keeps nothing).
 * Immutable: a rescore makes a new one.
 */
public final class ScoredPeriods<P> {

    private final List<DateRange> periods;
    private final String businessUnit;
    private final List<ObjectivesView> versions;
    private final List<OffsetDateTime> judged;
    private final List<Map<String, Memberships.Entry>> people;
    private final List<Map<String, ObjectivesView>> objectives;
    private final Set<String> actions;
    private final List<Map<String, P>> parts;
    /** Per period, the report's fold of its parts once asked ({@link #folded}); a rescore keeps those of unchanged periods. */
    private final Object[] folded;

    ScoredPeriods(
            List<DateRange> periods,
            String businessUnit,
            List<ObjectivesView> versions,
            List<OffsetDateTime> judged,
            List<Map<String, Memberships.Entry>> people,
            List<Map<String, ObjectivesView>> objectives,
            Set<String> actions,
            List<Map<String, P>> parts) {
        this.periods = periods;
        this.businessUnit = businessUnit;
        this.versions = versions;
        this.judged = judged;
        this.people = people;
        this.objectives = objectives;
        this.actions = actions;
        this.parts = parts;
        this.folded = new Object[periods.size()];
    }

    /** The same with other parts; the folds of the periods whose parts are the same map are kept. */
    ScoredPeriods<P> withParts(List<Map<String, P>> newParts) {
        ScoredPeriods<P> after =
                new ScoredPeriods<>(periods, businessUnit, versions, judged, people, objectives, actions, newParts);
        for (int i = 0; i < folded.length; i++) {
            if (newParts.get(i) == parts.get(i)) {
                after.folded[i] = folded[i];
            }
        }
        return after;
    }

    /**
     * One period's parts folded by the report the snapshot belongs to (one report, so one fold), computed once per
     * snapshot and kept across rescores that leave the period alone. Two threads may both compute it: the same value.
     */
    public Object folded(int period, BiFunction<DateRange, Collection<P>, ?> fold) {
        Object done = folded[period];
        if (done == null) {
            done = fold.apply(periods.get(period), parts(period));
            folded[period] = done;
        }
        return done;
    }

    public List<DateRange> periods() {
        return periods;
    }

    String businessUnit() {
        return businessUnit;
    }

    Set<String> actions() {
        return actions;
    }

    Map<String, Memberships.Entry> people(int period) {
        return people.get(period);
    }

    Map<String, ObjectivesView> objectives(int period) {
        return objectives.get(period);
    }

    Map<String, P> partsOf(int period) {
        return parts.get(period);
    }

    /** The parts kept of one period's people, in no particular order (only when {@link #keepsParts}). */
    Collection<P> parts(int period) {
        return parts.get(period).values();
    }

    /** How many parts are kept over all periods: what the snapshot weighs. */
    public long size() {
        return parts == null ? 0 : parts.stream().mapToLong(Map::size).sum();
    }

    /** Whether it keeps each person's part (false: too large, so only each period's fold is kept). */
    public boolean keepsParts() {
        return parts != null;
    }

    /** Keeps a period's fold, computed from parts not kept. */
    void fold(int period, Collection<P> periodParts, BiFunction<DateRange, Collection<P>, ?> fold) {
        folded[period] = fold.apply(periods.get(period), periodParts);
    }

    /**
     * Whether the objectives in force are still the ones it was scored against: a period still open is judged now,
     * so an objective version that took effect (or ended) since it was scored makes it stale without any change of
     * the data.
     */
    public boolean judgedAlike() {
        for (int i = 0; i < periods.size(); i++) {
            OffsetDateTime then = judged.get(i);
            OffsetDateTime now = periods.get(i).judgedAt();
            for (ObjectivesView version : versions) {
                if (between(version.validFrom(), then, now) || between(version.validTo(), then, now)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean between(OffsetDateTime instant, OffsetDateTime after, OffsetDateTime until) {
        return instant != null && instant.isAfter(after) && !instant.isAfter(until);
    }
}
