package io.uptake.metrics.digest;

import io.uptake.metrics.api.Rounding;
import io.uptake.metrics.scorecard.ScorecardView;
import io.uptake.metrics.shortfall.Period;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a weekly digest says. A manager's: the unit's active people and share meeting their objectives this week
 * and the week before, the new shortfalls (below this week, not the week before) and the people with overdue
 * training. An employee's: their active days and score this week and the week before.
 */
public final class DigestComposer {

    private DigestComposer() {}

    public static Digest manager(
            String recipient,
            String unit,
            Period week,
            List<ScorecardView> thisWeek,
            List<ScorecardView> lastWeek,
            List<String> overdue) {
        Set<String> belowBefore = lastWeek.stream()
                .filter(card -> card.status().isShortfall())
                .map(ScorecardView::userId)
                .collect(Collectors.toSet());
        List<String> newShortfalls = thisWeek.stream()
                .filter(card -> card.status().isShortfall() && !belowBefore.contains(card.userId()))
                .map(ScorecardView::userId)
                .sorted()
                .toList();
        Digest.ManagerFigures figures = new Digest.ManagerFigures(
                active(thisWeek),
                active(lastWeek),
                thisWeek.size(),
                meeting(thisWeek),
                meeting(lastWeek),
                newShortfalls.size(),
                named(newShortfalls),
                overdue.size(),
                named(overdue));
        String text = "Week " + week.start() + " to " + week.end() + ", " + unit + "\n"
                + "Active people: " + figures.activePeople() + " of " + figures.people() + " (the week before: "
                + figures.activePeopleLastWeek() + ")\n"
                + "Meeting their objectives: " + percent(figures.meetingObjectives()) + " (the week before: "
                + percent(figures.meetingObjectivesLastWeek()) + ")\n"
                + "New shortfalls: " + figures.newShortfalls() + listed(figures.shortfallPeople(), newShortfalls.size())
                + "\n"
                + "Overdue training: " + figures.overdueTraining()
                + listed(figures.overdueTrainingPeople(), overdue.size());
        return digest(recipient, Digest.MANAGER, unit, week, text, figures, null);
    }

    public static Digest employee(Period week, ScorecardView thisWeek, ScorecardView lastWeek) {
        Digest.EmployeeFigures figures = new Digest.EmployeeFigures(
                thisWeek.activeDays(),
                lastWeek == null ? 0 : lastWeek.activeDays(),
                thisWeek.score(),
                lastWeek == null ? null : lastWeek.score(),
                thisWeek.status().name());
        String text = "Your week " + week.start() + " to " + week.end() + "\n"
                + "Active on " + figures.activeDays() + " day" + (figures.activeDays() == 1 ? "" : "s")
                + " (the week before: " + figures.activeDaysLastWeek() + ")\n"
                + (figures.score() == null
                        ? "No objectives for your unit and role this week"
                        : "Score against your objectives: " + figures.score() + " (the week before: "
                                + (figures.scoreLastWeek() == null ? "none" : figures.scoreLastWeek()) + "), "
                                + figures.status());
        return digest(thisWeek.userId(), Digest.EMPLOYEE, thisWeek.businessUnit(), week, text, null, figures);
    }

    /** Last week's scorecards by person, for the employees' digests. */
    public static Map<String, ScorecardView> byPerson(Collection<ScorecardView> cards) {
        return cards.stream().collect(Collectors.toMap(ScorecardView::userId, Function.identity(), (a, b) -> a));
    }

    private static Digest digest(
            String recipient,
            String role,
            String unit,
            Period week,
            String text,
            Digest.ManagerFigures manager,
            Digest.EmployeeFigures employee) {
        return new Digest(
                UUID.randomUUID(),
                Digest.TYPE,
                recipient,
                role,
                unit,
                week.start(),
                week.end(),
                text,
                manager,
                employee,
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    private static long active(List<ScorecardView> cards) {
        return cards.stream().filter(card -> card.activeDays() > 0).count();
    }

    private static double meeting(List<ScorecardView> cards) {
        return Rounding.share(
                cards.stream()
                        .filter(card -> card.status() == ScorecardView.Status.MEETING)
                        .count(),
                cards.size());
    }

    private static List<String> named(List<String> people) {
        return people.subList(0, Math.min(Digest.NAMED, people.size()));
    }

    private static String listed(List<String> named, int all) {
        if (named.isEmpty()) {
            return "";
        }
        return " (" + String.join(", ", named) + (all > named.size() ? ", and " + (all - named.size()) + " more" : "")
                + ")";
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }
}
