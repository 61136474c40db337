package io.uptake.metrics.scorecard;

import io.smallrye.mutiny.Uni;
import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.objective.ObjectiveStore;
import io.uptake.metrics.objective.ObjectivesView;
import io.uptake.metrics.roster.Memberships;
import io.uptake.metrics.roster.RosterStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Scorecards for everyone on the roster (or one business unit) at once, people who never used the CRM
 * included: four queries whatever the number of people, and whatever the number of periods of a trend.
 */
@ApplicationScoped
public class TeamScorecards {

    /** One person of the team: their unit and role then, their scorecard, and their usage (for reports that also count activity). */
    public record Scored(Memberships.Entry person, ScorecardView card, Usage usage) {}

    /** How far beyond its last period a snapshot knows the objective versions (those set to take effect later). */
    private static final int OBJECTIVES_AHEAD_YEARS = 100;

    private final RosterStore roster;
    private final ObjectiveStore objectives;
    private final UsageQueries usage;

    public TeamScorecards(RosterStore roster, ObjectiveStore objectives, UsageQueries usage) {
        this.roster = roster;
        this.objectives = objectives;
        this.usage = usage;
    }

    public Uni<List<ScorecardView>> scorecards(DateRange range, String businessUnit) {
        return scored(range, businessUnit)
                .map(team -> team.stream().map(Scored::card).toList());
    }

    public Uni<List<Scored>> scored(DateRange range, String businessUnit) {
        return perPeriod(List.of(range), businessUnit, (period, team) -> team).map(List::getFirst);
    }

    /**
     * For each of consecutive periods, the people on the active roster when the period is judged (in the unit
     * and role they had then), scored against the objectives in force then, and reduced by {@code report}
     * before the next period is scored, so that only one period's scorecards are held at a time.
     */
    public <R> Uni<List<R>> perPeriod(
            List<DateRange> periods, String businessUnit, BiFunction<DateRange, List<Scored>, R> report) {
        OffsetDateTime first = periods.getFirst().judgedAt();
        OffsetDateTime last = periods.getLast().judgedAt();
        return objectives
                .allInForceBetween(first, last)
                .flatMap(versions -> Uni.combine()
                        .all()
                        .unis(
                                roster.membershipsDuring(first, last, businessUnit),
                                usage.usage(periods, null, businessUnit, ScorecardCalculator.countedActions(versions)))
                        .with((memberships, used) -> {
                            ObjectivesInForce inForce = new ObjectivesInForce(versions);
                            List<R> reports = new ArrayList<>(periods.size());
                            for (int i = 0; i < periods.size(); i++) {
                                DateRange period = periods.get(i);
                                OffsetDateTime judged = period.judgedAt();
                                reports.add(report.apply(
                                        period,
                                        score(
                                                memberships.activeAt(judged, businessUnit),
                                                inForce.at(judged),
                                                used,
                                                i,
                                                period)));
                            }
                            return reports;
                        }));
    }

    /**
     * Every period scored as {@link #perPeriod} does, kept as each person's part of a report, so that the report can
     * later be brought up to date by {@link #rescored}; or, when the parts of all periods would be more than {@code
     * parts.maxParts()}, each period folded as it is scored and no part kept. The objective versions read reach into
     * the future, so that the snapshot knows when one takes effect.
     */
    public <P> Uni<ScoredPeriods<P>> scoredPeriods(List<DateRange> periods, String businessUnit, PartsOf<P> parts) {
        OffsetDateTime first = periods.getFirst().judgedAt();
        OffsetDateTime last = periods.getLast().judgedAt();
        return objectives
                .allInForceBetween(first, last.plusYears(OBJECTIVES_AHEAD_YEARS))
                .flatMap(versions -> {
                    Set<String> actions = ScorecardCalculator.countedActions(versions);
                    return Uni.combine()
                            .all()
                            .unis(
                                    roster.membershipsDuring(first, last, businessUnit),
                                    usage.usage(periods, null, businessUnit, actions))
                            .with((memberships, used) ->
                                    scored(periods, businessUnit, versions, actions, memberships, used, parts));
                });
    }

    private static <P> ScoredPeriods<P> scored(
            List<DateRange> periods,
            String businessUnit,
            List<ObjectivesView> versions,
            Set<String> actions,
            Memberships memberships,
            TeamUsage used,
            PartsOf<P> parts) {
        ObjectivesInForce inForce = new ObjectivesInForce(versions);
        List<OffsetDateTime> judged = new ArrayList<>(periods.size());
        List<List<Memberships.Entry>> active = new ArrayList<>(periods.size());
        List<Map<String, ObjectivesView>> byTeam = new ArrayList<>(periods.size());
        for (DateRange period : periods) {
            OffsetDateTime at = period.judgedAt();
            judged.add(at);
            active.add(memberships.activeAt(at, businessUnit));
            byTeam.add(inForce.at(at));
        }
        TeamIndex team = TeamIndex.of(active);
        List<Memberships.Entry[]> people = new ArrayList<>(periods.size());
        for (List<Memberships.Entry> period : active) {
            people.add(team.place(period, people.isEmpty() ? null : people.getLast()));
        }
        boolean keep = (long) team.size() * periods.size() <= parts.maxParts();
        List<Object[]> kept = new ArrayList<>(periods.size());
        ScoredPeriods<P> scored = new ScoredPeriods<>(
                periods,
                businessUnit,
                versions,
                judged,
                team,
                keep ? people : null,
                byTeam,
                actions,
                keep ? kept : null);
        // equal parts (most of a trend's: a few figures per person) are one object
        Map<P, P> distinct = new HashMap<>();
        for (int i = 0; i < periods.size(); i++) {
            Object[] period = new Object[team.size()];
            for (Memberships.Entry person : active.get(i)) {
                P part = partOf(scored, i, person, used.of(person.userId(), i), parts.part());
                if (part != null) {
                    period[team.indexOf(person.userId())] = keep ? distinct.computeIfAbsent(part, p -> p) : part;
                }
            }
            if (keep) {
                kept.add(period);
            } else {
                scored.fold(i, ScoredPeriods.<P>present(period), parts.fold());
            }
        }
        return scored;
    }

    /** The key of a team (business unit and job role) in the objectives kept per period. */
    public static String team(String businessUnit, String jobRole) {
        return ObjectivesInForce.team(businessUnit, jobRole);
    }

    /**
     * The snapshot brought up to date after the usage, the roster or the objectives changed (and nothing else): when
     * objectives changed ({@code teams} names whose), every team's versions are read again, each period judged now
     * against them, and the people held in the teams whose objectives in force differ are rescored too (everyone,
     * when the actions the objectives count changed); the roster history of those named in {@code rosterChanged} is
     * read again (people who joined the team take a place in it, those who left or moved lose theirs); then those of
     * them in the team are read and rescored. When they are more than a quarter of the team, everyone is scored again
     * instead (one read of everyone costs less than that many lookups).
     */
    public <P> Uni<ScoredPeriods<P>> rescored(
            ScoredPeriods<P> before,
            Set<String> changed,
            Set<String> rosterChanged,
            Set<String> teams,
            PartsOf<P> parts) {
        if (teams.isEmpty()) {
            return rescoredPeople(before, changed, rosterChanged, parts).map(Rescored::scored);
        }
        List<DateRange> periods = before.periods();
        return objectives
                .allInForceBetween(
                        periods.getFirst().judgedAt(),
                        periods.getLast().judgedAt().plusYears(OBJECTIVES_AHEAD_YEARS))
                .flatMap(versions -> {
                    if (!ScorecardCalculator.countedActions(versions).equals(before.actions())) {
                        return scoredPeriods(periods, before.businessUnit(), parts);
                    }
                    ScoredPeriods<P> judged = before.withObjectives(versions);
                    List<Set<String>> differing = before.teamsJudgedOtherwise(judged);
                    Set<String> teamsChanged = new HashSet<>();
                    differing.forEach(teamsChanged::addAll);
                    Set<String> rejudged = new HashSet<>(judged.peopleIn(teamsChanged));
                    rejudged.removeAll(changed);
                    // everyone scored again (a quarter of the team changed) is judged against the new objectives
                    // already
                    return rescoredPeople(judged, changed, rosterChanged, parts)
                            .flatMap(after -> after.everyone()
                                    ? Uni.createFrom().item(after.scored())
                                    : rejudged(after.scored(), rejudged, differing, parts));
                });
    }

    /**
     * The parts of {@code people} (whose usage and roster did not change) scored again in the periods where their
     * team's objectives in force differ, and only there: their usage is read for those periods alone. An objectives
     * change from now touches the open period only, so a team of thousands is read and scored for one period, not
     * every period of the trend. More than a quarter of the team: everyone is scored again instead.
     */
    private <P> Uni<ScoredPeriods<P>> rejudged(
            ScoredPeriods<P> scored, Set<String> people, List<Set<String>> differing, PartsOf<P> parts) {
        List<String> inTeam = scored.team().membersOf(people);
        if (inTeam.isEmpty()) {
            return Uni.createFrom().item(scored);
        }
        List<DateRange> periods = scored.periods();
        if (moreThanAQuarter(inTeam, scored.team())) {
            return scoredPeriods(periods, scored.businessUnit(), parts);
        }
        int first = firstNonEmpty(differing);
        int last = differing.size() - 1 - firstNonEmpty(differing.reversed());
        return usage.usageOf(periods.subList(first, last + 1), inTeam, scored.actions())
                .map(used -> rescored(
                        scored,
                        inTeam,
                        used,
                        first,
                        (period, person) -> person != null
                                && differing.get(period).contains(team(person.businessUnit(), person.jobRole())),
                        parts));
    }

    /** Whether rescoring these people costs more than scoring everyone (one read of everyone beats that many lookups). */
    private static boolean moreThanAQuarter(Collection<String> people, TeamIndex team) {
        return people.size() * 4L > team.size();
    }

    private static int firstNonEmpty(List<Set<String>> sets) {
        int first = 0;
        while (sets.get(first).isEmpty()) {
            first++;
        }
        return first;
    }

    /** Which periods of a person a rescore scores again ({@code person}: their roster entry then, or null). */
    private interface ScoredAgain {
        boolean in(int period, Memberships.Entry person);
    }

    /** A snapshot brought up to date, and whether that took scoring everyone again. */
    private record Rescored<P>(ScoredPeriods<P> scored, boolean everyone) {

        static <P> Rescored<P> some(ScoredPeriods<P> scored) {
            return new Rescored<>(scored, false);
        }
    }

    private <P> Uni<Rescored<P>> everyoneAgain(List<DateRange> periods, String businessUnit, PartsOf<P> parts) {
        return scoredPeriods(periods, businessUnit, parts).map(scored -> new Rescored<>(scored, true));
    }

    private <P> Uni<Rescored<P>> rescoredPeople(
            ScoredPeriods<P> before, Set<String> changed, Set<String> rosterChanged, PartsOf<P> parts) {
        List<DateRange> periods = before.periods();
        TeamIndex team = before.team();
        if (changed.stream().noneMatch(userId -> rosterChanged.contains(userId) || team.indexOf(userId) >= 0)) {
            return Uni.createFrom().item(Rescored.some(before));
        }
        if (moreThanAQuarter(rosterChanged, team)) {
            return everyoneAgain(periods, before.businessUnit(), parts);
        }
        Uni<ScoredPeriods<P>> placed = rosterChanged.isEmpty()
                ? Uni.createFrom().item(before)
                : roster.membershipsDuring(
                                rosterChanged,
                                periods.getFirst().judgedAt(),
                                periods.getLast().judgedAt(),
                                before.businessUnit())
                        .map(memberships -> before.withRoster(
                                rosterChanged,
                                periods.stream()
                                        .map(period -> memberships.activeAt(period.judgedAt(), before.businessUnit()))
                                        .toList()));
        return placed.flatMap(after -> {
            List<String> people = after.team().membersOf(changed);
            if (people.isEmpty()) {
                return Uni.createFrom().item(Rescored.some(after));
            }
            if (moreThanAQuarter(people, after.team())) {
                return everyoneAgain(periods, before.businessUnit(), parts);
            }
            return usage.usageOf(periods, people, after.actions())
                    .map(used -> Rescored.some(rescored(after, people, used, 0, (period, person) -> true, parts)));
        });
    }

    /**
     * The parts of {@code people} scored again from their usage ({@code used} holds the periods from {@code firstUsed}
     * on) in the periods {@code again} names; a person not on the roster in a period has none.
     */
    private static <P> ScoredPeriods<P> rescored(
            ScoredPeriods<P> before,
            List<String> people,
            TeamUsage used,
            int firstUsed,
            ScoredAgain again,
            PartsOf<P> parts) {
        TeamIndex team = before.team();
        List<Object[]> kept = new ArrayList<>(before.periods().size());
        for (int i = 0; i < before.periods().size(); i++) {
            Object[] period = before.partsOf(i);
            Object[] changedPeriod = null; // copied only when a part differs: new use today changes one period
            for (String userId : people) {
                int index = team.indexOf(userId);
                Memberships.Entry person = before.person(i, index);
                if (!again.in(i, person)) {
                    continue;
                }
                P part =
                        person == null ? null : partOf(before, i, person, used.of(userId, i - firstUsed), parts.part());
                if (!Objects.equals(part, period[index])) {
                    if (changedPeriod == null) {
                        changedPeriod = period.clone();
                    }
                    changedPeriod[index] = part;
                }
            }
            kept.add(changedPeriod == null ? period : changedPeriod);
        }
        return before.withParts(kept);
    }

    private static <P> P partOf(
            ScoredPeriods<P> scored,
            int i,
            Memberships.Entry person,
            Usage usage,
            BiFunction<DateRange, Scored, P> part) {
        DateRange period = scored.periods().get(i);
        ScorecardView card = ScorecardCalculator.score(
                person,
                scored.objectives(i).get(ObjectivesInForce.team(person.businessUnit(), person.jobRole())),
                period.from(),
                period.to(),
                usage);
        return part.apply(period, new Scored(person, card, usage));
    }

    /**
     * The scorecards of these people over the range (people not on the roster left out), each in the unit and role
     * they had when it is judged (or their roster entry now, if they were not on the roster then): three queries
     * whatever the number of people, each person a primary-key lookup.
     */
    public Uni<Map<String, ScorecardView>> of(DateRange range, Collection<String> userIds) {
        OffsetDateTime judged = range.judgedAt();
        return objectives.allInForceBetween(judged, judged).flatMap(versions -> {
            Map<String, ObjectivesView> byTeam = new ObjectivesInForce(versions).at(judged);
            return Uni.combine()
                    .all()
                    .unis(
                            roster.membershipsAt(userIds, judged),
                            usage.usageOf(range, userIds, ScorecardCalculator.countedActions(byTeam.values())))
                    .with((people, used) -> {
                        Map<String, ScorecardView> cards = new HashMap<>();
                        for (Memberships.Entry person : people) {
                            cards.put(
                                    person.userId(),
                                    ScorecardCalculator.score(
                                            person,
                                            byTeam.get(ObjectivesInForce.team(person.businessUnit(), person.jobRole())),
                                            range.from(),
                                            range.to(),
                                            used.getOrDefault(person.userId(), Usage.empty())));
                        }
                        return cards;
                    });
        });
    }

    private static List<Scored> score(
            List<Memberships.Entry> people,
            Map<String, ObjectivesView> byTeam,
            TeamUsage used,
            int period,
            DateRange range) {
        return people.stream()
                .map(person -> {
                    Usage usage = used.of(person.userId(), period);
                    return new Scored(
                            person,
                            ScorecardCalculator.score(
                                    person,
                                    byTeam.get(ObjectivesInForce.team(person.businessUnit(), person.jobRole())),
                                    range.from(),
                                    range.to(),
                                    usage),
                            usage);
                })
                .toList();
    }
}
