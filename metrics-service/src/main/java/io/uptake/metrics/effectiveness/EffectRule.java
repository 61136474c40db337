package io.uptake.metrics.effectiveness;

import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.api.Rounding;
import io.uptake.metrics.scorecard.ExpectationResult;
import io.uptake.metrics.scorecard.ScorecardView;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rule of training effectiveness. The window before is the {@code weeks} whole weeks ending the day before
 * the training was assigned; the window after, the {@code weeks} whole weeks starting the day after it was
 * completed. A person improved when their objectives' score rose between the two (people without objectives:
 * when their active days per week rose); a person whose use did not change did not improve. They were below
 * when the window before was BELOW or INACTIVE, and meet their objectives when the window after is MEETING.
 */
public final class EffectRule {

    private EffectRule() {}

    public static DateRange before(TrainedAssignment training, int weeks) {
        return new DateRange(
                training.assignedOn().minusWeeks(weeks), training.assignedOn().minusDays(1));
    }

    public static DateRange after(TrainedAssignment training, int weeks) {
        return new DateRange(
                training.completedOn().plusDays(1), training.completedOn().plusWeeks(weeks));
    }

    /** Whether the window after has ended by {@code today}: before that the effect is not known yet. */
    public static boolean known(TrainedAssignment training, int weeks, LocalDate today) {
        return after(training, weeks).to().isBefore(today);
    }

    public static TrainingEffect effect(
            TrainedAssignment training, ScorecardView before, ScorecardView after, int weeks) {
        UsageWindow was = window(before, weeks);
        UsageWindow is = window(after, weeks);
        Integer scoreChange = was.score() == null || is.score() == null ? null : is.score() - was.score();
        double activeDaysChange = Rounding.three(is.activeDaysPerWeek() - was.activeDaysPerWeek());
        boolean improved = scoreChange != null ? scoreChange > 0 : activeDaysChange > 0;
        return new TrainingEffect(
                training.assignmentId(),
                training.userId(),
                training.businessUnit(),
                training.skill(),
                training.moduleId(),
                training.moduleTitle(),
                training.mode(),
                training.assignedOn(),
                training.completedOn(),
                was,
                is,
                scoreChange,
                activeDaysChange,
                improved,
                before.status().isShortfall(),
                after.status() == ScorecardView.Status.MEETING);
    }

    static UsageWindow window(ScorecardView card, int weeks) {
        Map<String, Double> actions = new TreeMap<>();
        for (ExpectationResult result : card.expectations()) {
            if (result.metric().startsWith("action:")) {
                actions.merge(
                        result.metric().substring("action:".length()), perWeek(result.actual(), weeks), Math::max);
            }
        }
        return new UsageWindow(
                card.from(),
                card.to(),
                perWeek(card.activeDays(), weeks),
                actions,
                card.score(),
                card.status().name());
    }

    private static double perWeek(long count, int weeks) {
        return Rounding.three(count / (double) weeks);
    }
}
