package io.uptake.metrics.effectiveness;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.scorecard.ExpectationResult;
import io.uptake.metrics.scorecard.ScorecardView;
import io.uptake.metrics.usage.AdoptionBand;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The effectiveness rule and its figures, without a database. */
class EffectRuleTest {

    private static final LocalDate ASSIGNED = LocalDate.parse("2026-09-07");
    private static final LocalDate COMPLETED = LocalDate.parse("2026-09-20");

    private static TrainedAssignment training(String user, String module, String mode) {
        return new TrainedAssignment(
                UUID.randomUUID(), user, "Sales", "pipeline", module, "Module " + module, mode, ASSIGNED, COMPLETED);
    }

    private static ScorecardView card(Integer score, ScorecardView.Status status, long activeDays, long created) {
        return new ScorecardView(
                "ann",
                "Sales",
                "rep",
                ASSIGNED,
                ASSIGNED,
                score,
                status,
                AdoptionBand.WEEKLY,
                score == null ? null : 1L,
                activeDays,
                score == null
                        ? List.of()
                        : List.of(
                                new ExpectationResult("active-days", "week", 12, activeDays, activeDays >= 12),
                                new ExpectationResult("action:record.created", "week", 20, created, created >= 20)));
    }

    @Test
    void theWindowsAreWholeWeeksBeforeTheAssignmentAndAfterTheCompletion() {
        TrainedAssignment training = training("ann", "m1", "ELEARNING");
        assertThat(EffectRule.before(training, 4))
                .isEqualTo(new DateRange(LocalDate.parse("2026-08-10"), LocalDate.parse("2026-09-06")));
        assertThat(EffectRule.after(training, 4))
                .isEqualTo(new DateRange(LocalDate.parse("2026-09-21"), LocalDate.parse("2026-10-18")));
        assertThat(EffectRule.known(training, 4, LocalDate.parse("2026-10-18"))).isFalse();
        assertThat(EffectRule.known(training, 4, LocalDate.parse("2026-10-19"))).isTrue();
    }

    @Test
    void aRiseInScoreIsAnImprovementAndBelowToMeetingIsCounted() {
        TrainingEffect effect = EffectRule.effect(
                training("ann", "m1", "ELEARNING"),
                card(50, ScorecardView.Status.BELOW, 8, 10),
                card(100, ScorecardView.Status.MEETING, 16, 24),
                4);
        assertThat(effect.scoreChange()).isEqualTo(50);
        assertThat(effect.improved()).isTrue();
        assertThat(effect.belowBefore()).isTrue();
        assertThat(effect.meetingAfter()).isTrue();
        assertThat(effect.before().activeDaysPerWeek()).isEqualTo(2.0);
        assertThat(effect.after().activeDaysPerWeek()).isEqualTo(4.0);
        assertThat(effect.activeDaysPerWeekChange()).isEqualTo(2.0);
        assertThat(effect.before().actionsPerWeek()).containsEntry("record.created", 2.5);
        assertThat(effect.after().actionsPerWeek()).containsEntry("record.created", 6.0);
    }

    @Test
    void unchangedUseIsNotAnImprovement() {
        TrainingEffect effect = EffectRule.effect(
                training("bob", "m1", "ELEARNING"),
                card(40, ScorecardView.Status.BELOW, 4, 8),
                card(40, ScorecardView.Status.BELOW, 4, 8),
                4);
        assertThat(effect.scoreChange()).isZero();
        assertThat(effect.improved()).isFalse();
        assertThat(effect.meetingAfter()).isFalse();
    }

    @Test
    void withoutObjectivesActiveDaysDecide() {
        TrainingEffect effect = EffectRule.effect(
                training("cy", "m1", "ELEARNING"),
                card(null, ScorecardView.Status.NO_OBJECTIVES, 4, 0),
                card(null, ScorecardView.Status.NO_OBJECTIVES, 6, 0),
                2);
        assertThat(effect.scoreChange()).isNull();
        assertThat(effect.activeDaysPerWeekChange()).isEqualTo(1.0);
        assertThat(effect.improved()).isTrue();
        assertThat(effect.belowBefore()).isFalse();
    }

    @Test
    void figuresPerGroupWithMediansAndPending() {
        TrainingEffect up = EffectRule.effect(
                training("ann", "m1", "ELEARNING"),
                card(50, ScorecardView.Status.BELOW, 8, 10),
                card(100, ScorecardView.Status.MEETING, 16, 24),
                4);
        TrainingEffect flat = EffectRule.effect(
                training("bob", "m1", "ELEARNING"),
                card(40, ScorecardView.Status.BELOW, 4, 8),
                card(40, ScorecardView.Status.BELOW, 4, 8),
                4);
        TrainingEffect some = EffectRule.effect(
                training("cy", "m2", "INSTRUCTOR_LED"),
                card(20, ScorecardView.Status.BELOW, 4, 0),
                card(30, ScorecardView.Status.BELOW, 8, 0),
                4);
        List<EffectivenessRow> byModule = EffectivenessFigures.rows(
                List.of(up, flat, some),
                List.of(training("dan", "m2", "INSTRUCTOR_LED")),
                EffectivenessFigures.GroupBy.MODULE);
        assertThat(byModule).extracting(EffectivenessRow::group).containsExactly("m1", "m2");
        EffectivenessRow m1 = byModule.getFirst();
        assertThat(m1.label()).isEqualTo("Module m1");
        assertThat(m1.peopleTrained()).isEqualTo(2);
        assertThat(m1.improved()).isEqualTo(1);
        assertThat(m1.improvedShare()).isEqualTo(0.5);
        assertThat(m1.medianScoreChange()).isEqualTo(25.0); // (50 + 0) / 2
        assertThat(m1.medianActiveDaysPerWeekChange()).isEqualTo(1.0); // (2 + 0) / 2
        assertThat(m1.belowBefore()).isEqualTo(2);
        assertThat(m1.meetingAfter()).isEqualTo(1);
        assertThat(m1.belowToMeeting()).isEqualTo(1);
        assertThat(m1.pending()).isZero();
        EffectivenessRow m2 = byModule.get(1);
        assertThat(m2.trainings()).isEqualTo(1);
        assertThat(m2.pending()).isEqualTo(1);
        assertThat(m2.medianScoreChange()).isEqualTo(10.0);

        List<EffectivenessRow> byMode =
                EffectivenessFigures.rows(List.of(up, flat, some), List.of(), EffectivenessFigures.GroupBy.MODE);
        assertThat(byMode).extracting(EffectivenessRow::group).containsExactly("ELEARNING", "INSTRUCTOR_LED");
        assertThat(EffectivenessFigures.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(EffectivenessFigures.median(List.of())).isNull();
    }
}
