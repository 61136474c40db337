package io.uptake.metrics.scorecard;

import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.objective.ObjectivesView;
import io.uptake.metrics.roster.Memberships;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * A team scored over consecutive periods, kept so that a report can be brought up to date by rescoring only the
 * people whose usage or roster entries changed ({@link TeamScorecards#rescored}). Per period it holds who was on the active roster
 * when the period was judged, the objectives in force then, and each person's part of the report (what the report
 * keeps of a scorecard: a shortfall row, a person's share of a unit's adoption; absent when it keeps nothing), each
 * in an array over the {@link TeamIndex}: a period that changed is copied whole (4 bytes a person), the others shared.
 * Immutable: a rescore makes a new one.
 */
public final class ScoredPeriods<P> {

    private final List<DateRange> periods;
    private final String businessUnit;
    private final List<ObjectivesView> versions;
    private final List<OffsetDateTime> judged;
    private final TeamIndex team;
    private final List<Memberships.Entry[]> people;
    private final List<Map<String, ObjectivesView>> objectives;
    private final Set<String> actions;
    private final List<Object[]> parts;
    /** Per period, the report's fold of its parts once asked ({@link #folded}); a rescore keeps those of unchanged periods. */
    private final Object[] folded;

    ScoredPeriods(
            List<DateRange> periods,
            String businessUnit,
            List<ObjectivesView> versions,
            List<OffsetDateTime> judged,
            TeamIndex team,
            List<Memberships.Entry[]> people,
            List<Map<String, ObjectivesView>> objectives,
            Set<String> actions,
            List<Object[]> parts) {
        this.periods = periods;
        this.businessUnit = businessUnit;
        this.versions = versions;
        this.judged = judged;
        this.team = team;
        this.people = people;
        this.objectives = objectives;
        this.actions = actions;
        this.parts = parts;
        this.folded = new Object[periods.size()];
    }

    /** The same with other parts; the folds of the periods whose parts are the same array are kept. */
    ScoredPeriods<P> withParts(List<Object[]> newParts) {
        ScoredPeriods<P> after = new ScoredPeriods<>(
                periods, businessUnit, versions, judged, team, people, objectives, actions, newParts);
        for (int i = 0; i < folded.length; i++) {
            if (newParts.get(i) == parts.get(i)) {
                after.folded[i] = folded[i];
            }
        }
        return after;
    }

    /**
     * The same after the roster of {@code changed} was read again: {@code active} holds, per period, those of them on
     * the active roster when it is judged, in the unit and role they had then. People not in the index yet join it
     * (every period's arrays are laid out again); a period's people are copied only where one of them differs, and
     * shared with the period before when equal to it. Their parts stay as they were, for the rescore that follows.
     */
    ScoredPeriods<P> withRoster(Collection<String> changed, List<List<Memberships.Entry>> active) {
        Set<String> placed = new HashSet<>();
        active.forEach(period -> period.forEach(person -> placed.add(person.userId())));
        TeamIndex grown = team.with(placed);
        int[] positions = grown == team ? null : team.positionsIn(grown);
        List<Memberships.Entry[]> laidOut =
                positions == null ? people : relaid(people, positions, grown.size(), Memberships.Entry[]::new);
        List<Memberships.Entry[]> placedPeople = new ArrayList<>(periods.size());
        for (int i = 0; i < periods.size(); i++) {
            Memberships.Entry[] period = laidOut.get(i);
            Map<String, Memberships.Entry> now = new HashMap<>();
            active.get(i).forEach(person -> now.put(person.userId(), person));
            Memberships.Entry[] updated = null;
            for (String userId : changed) {
                int index = grown.indexOf(userId);
                if (index >= 0 && !Objects.equals(now.get(userId), period[index])) {
                    if (updated == null) {
                        updated = period.clone();
                    }
                    updated[index] = now.get(userId);
                }
            }
            if (updated != null && i > 0 && Arrays.equals(updated, placedPeople.getLast())) {
                updated = placedPeople.getLast();
            }
            placedPeople.add(updated == null ? period : updated);
        }
        ScoredPeriods<P> after = new ScoredPeriods<>(
                periods,
                businessUnit,
                versions,
                judged,
                grown,
                placedPeople,
                objectives,
                actions,
                positions == null ? parts : relaid(parts, positions, grown.size(), Object[]::new));
        if (positions == null) {
            System.arraycopy(folded, 0, after.folded, 0, folded.length);
        }
        return after;
    }

    /**
     * The same judged now against other objective versions (all teams', as read again after an objectives change): a
     * period still open is judged at this instant, a closed one at its end as before. The parts are left as they were,
     * for the rescore of the people of the teams {@link #teamsJudgedOtherwise} names.
     */
    ScoredPeriods<P> withObjectives(List<ObjectivesView> newVersions) {
        ObjectivesInForce inForce = new ObjectivesInForce(newVersions);
        List<OffsetDateTime> judgedNow =
                periods.stream().map(DateRange::judgedAt).toList();
        ScoredPeriods<P> after = new ScoredPeriods<>(
                periods,
                businessUnit,
                newVersions,
                judgedNow,
                team,
                people,
                judgedNow.stream().map(inForce::at).toList(),
                actions,
                parts);
        System.arraycopy(folded, 0, after.folded, 0, folded.length);
        return after;
    }

    /** Per period, the teams whose objectives in force differ between this snapshot and {@code other}. */
    List<Set<String>> teamsJudgedOtherwise(ScoredPeriods<?> other) {
        List<Set<String>> differing = new ArrayList<>(periods.size());
        for (int i = 0; i < periods.size(); i++) {
            Map<String, ObjectivesView> mine = objectives.get(i);
            Map<String, ObjectivesView> theirs = other.objectives.get(i);
            Set<String> both = new HashSet<>(mine.keySet());
            both.addAll(theirs.keySet());
            Set<String> teams = new HashSet<>();
            for (String team : both) {
                if (!Objects.equals(mine.get(team), theirs.get(team))) {
                    teams.add(team);
                }
            }
            differing.add(teams);
        }
        return differing;
    }

    /** Everyone who belonged, in any period, to one of these teams (keys of {@link ObjectivesInForce#team}). */
    Set<String> peopleIn(Set<String> teams) {
        Set<String> found = new HashSet<>();
        // the unit first: most people are in other units, and their team's key is then never made
        Set<String> units = new HashSet<>();
        teams.forEach(team -> units.add(ObjectivesInForce.businessUnitOf(team)));
        Set<Memberships.Entry[]> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Memberships.Entry[] period : people) {
            if (seen.add(period)) {
                for (Memberships.Entry person : period) {
                    if (person != null
                            && units.contains(person.businessUnit())
                            && teams.contains(ObjectivesInForce.team(person.businessUnit(), person.jobRole()))) {
                        found.add(person.userId());
                    }
                }
            }
        }
        return found;
    }

    /** Each distinct array once, its slots moved to {@code positions} in arrays of {@code size}. */
    private static <T> List<T[]> relaid(List<T[]> arrays, int[] positions, int size, IntFunction<T[]> create) {
        Map<T[], T[]> done = new IdentityHashMap<>();
        List<T[]> relaid = new ArrayList<>(arrays.size());
        for (T[] array : arrays) {
            relaid.add(done.computeIfAbsent(array, before -> {
                T[] moved = create.apply(size);
                for (int i = 0; i < before.length; i++) {
                    moved[positions[i]] = before[i];
                }
                return moved;
            }));
        }
        return relaid;
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

    TeamIndex team() {
        return team;
    }

    /** The person at {@code index} as they were when the period was judged, or null when not active then. */
    Memberships.Entry person(int period, int index) {
        return people.get(period)[index];
    }

    Map<String, ObjectivesView> objectives(int period) {
        return objectives.get(period);
    }

    /** One period's parts at the team's positions (null: none); not to be changed, it may be shared. */
    Object[] partsOf(int period) {
        return parts.get(period);
    }

    /** The parts kept of one period's people, in the team's order (only when {@link #keepsParts}). */
    Collection<P> parts(int period) {
        return present(parts.get(period));
    }

    /** The parts of one period that are there (the array's non-null slots), in the team's order. */
    @SuppressWarnings("unchecked")
    static <P> List<P> present(Object[] slots) {
        return Arrays.stream(slots)
                .filter(Objects::nonNull)
                .map(part -> (P) part)
                .toList();
    }

    /** How many parts it has room for over all periods (a slot per person and period): what the snapshot weighs. */
    public long size() {
        return parts == null ? 0 : (long) team.size() * periods.size();
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
