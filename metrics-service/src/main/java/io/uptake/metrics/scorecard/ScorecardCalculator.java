package io.uptake.metrics.scorecard;

import io.uptake.metrics.objective.ObjectivesView;
import io.uptake.metrics.roster.Memberships;
import io.uptake.metrics.usage.AdoptionBand;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules of a scorecard. Over a range of N days, an expectation of {@code min} per period is
 * {@code round(min x N / days of the period)} (a day 1, a week 7, a month 30). An expectation is met
 * when the actual reaches it; the score is the mean, over the expectations, of actual / expected
 * capped at 1, as a percentage. NO_OBJECTIVES: no objectives in force for the person's unit and role
 * (no score); INACTIVE: no use at all in the range; MEETING: every expectation met; otherwise BELOW.
 */
public final class ScorecardCalculator {

    private ScorecardCalculator() {}

    public static ScorecardView score(
            Memberships.Entry person, ObjectivesView objectives, LocalDate from, LocalDate to, Usage usage) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        long activeDays = usage.days().count(from, to);
        AdoptionBand band = AdoptionBand.of(usage.days(), from, to);
        if (objectives == null) {
            return new ScorecardView(
                    person.userId(),
                    person.businessUnit(),
                    person.jobRole(),
                    from,
                    to,
                    null,
                    ScorecardView.Status.NO_OBJECTIVES,
                    band,
                    null,
                    activeDays,
                    List.of());
        }
        List<ExpectationResult> results = objectives.expectations().stream()
                .map(expectation -> {
                    long expected = Math.round(expectation.min() * (double) days / periodDays(expectation.period()));
                    long actual = expectation.isActiveDays() ? activeDays : usage.count(expectation.action());
                    return new ExpectationResult(
                            expectation.metric(), expectation.period(), expected, actual, actual >= expected);
                })
                .toList();
        double fulfilment = results.isEmpty()
                ? (activeDays == 0 ? 0 : 1)
                : results.stream()
                        .mapToDouble(r -> r.expected() == 0 ? 1 : Math.min(1, r.actual() / (double) r.expected()))
                        .average()
                        .orElse(0);
        ScorecardView.Status status = activeDays == 0
                ? ScorecardView.Status.INACTIVE
                : results.stream().allMatch(ExpectationResult::met)
                        ? ScorecardView.Status.MEETING
                        : ScorecardView.Status.BELOW;
        return new ScorecardView(
                person.userId(),
                person.businessUnit(),
                person.jobRole(),
                from,
                to,
                (int) Math.round(fulfilment * 100),
                status,
                band,
                objectives.version(),
                activeDays,
                results);
    }

    /** The actions the expectations count, so that only those are read. */
    public static Set<String> countedActions(Collection<ObjectivesView> objectives) {
        Set<String> actions = new TreeSet<>();
        objectives.forEach(
                o -> o.expectations().stream().filter(e -> !e.isActiveDays()).forEach(e -> actions.add(e.action())));
        return actions;
    }

    private static int periodDays(String period) {
        return switch (period) {
            case "day" -> 1;
            case "week" -> 7;
            default -> 30;
        };
    }
}
