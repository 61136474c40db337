package io.uptake.training.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.training.module.Mode;
import io.uptake.training.module.ModuleCandidate;
import io.uptake.training.policy.PolicyView;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RetrainingPlannerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final ModuleCandidate NEW_CLASS = new ModuleCandidate(UUID.randomUUID(), Mode.INSTRUCTOR_LED);
    private static final ModuleCandidate NEW_COURSE = new ModuleCandidate(UUID.randomUUID(), Mode.ELEARNING);
    private static final ModuleCandidate OLD_COURSE = new ModuleCandidate(UUID.randomUUID(), Mode.ELEARNING);

    private static PolicyView policy(Integer threshold, Mode mode, int days) {
        return new PolicyView("Sales", threshold, mode, days, false);
    }

    @Test
    void theNewestModuleInTheUnitsModeIsChosenAndDueByItsDays() {
        RetrainingPlanner.Plan plan = RetrainingPlanner.training(
                policy(70, Mode.ELEARNING, 10), null, List.of(NEW_CLASS, NEW_COURSE, OLD_COURSE), TODAY, null);
        assertThat(plan)
                .isEqualTo(new RetrainingPlanner.Plan(NEW_COURSE.moduleId(), Mode.ELEARNING, TODAY.plusDays(10)));
    }

    @Test
    void aModeHrAsksForWinsOverTheUnitsAndADateHrSetsWinsOverTheDays() {
        LocalDate set = TODAY.plusDays(3);
        assertThat(RetrainingPlanner.training(
                        policy(70, Mode.ELEARNING, 10),
                        Mode.INSTRUCTOR_LED,
                        List.of(NEW_COURSE, NEW_CLASS),
                        TODAY,
                        set))
                .isEqualTo(new RetrainingPlanner.Plan(NEW_CLASS.moduleId(), Mode.INSTRUCTOR_LED, set));
    }

    @Test
    void withoutAModuleInTheWantedModeTheNewestOtherOneServes() {
        assertThat(RetrainingPlanner.training(
                        policy(null, Mode.INSTRUCTOR_LED, 14), null, List.of(NEW_COURSE, OLD_COURSE), TODAY, null))
                .isEqualTo(new RetrainingPlanner.Plan(NEW_COURSE.moduleId(), Mode.ELEARNING, TODAY.plusDays(14)));
    }

    @Test
    void withoutAnyModuleTheWantedModeIsAssignedWithNoModule() {
        assertThat(RetrainingPlanner.training(PolicyView.fallback("Sales"), null, List.of(), TODAY, null))
                .isEqualTo(new RetrainingPlanner.Plan(
                        null, Mode.ELEARNING, TODAY.plusDays(PolicyView.DEFAULT_DUE_IN_DAYS)));
    }

    @Test
    void aTestHasNoModuleNorModeAndIsDueLikeTraining() {
        assertThat(RetrainingPlanner.test(policy(70, Mode.INSTRUCTOR_LED, 5), TODAY, null))
                .isEqualTo(new RetrainingPlanner.Plan(null, null, TODAY.plusDays(5)));
    }

    @Test
    void theUnitsThresholdElseTheSkillsPassMarkMakesAScoreWeak() {
        assertThat(RetrainingPlanner.threshold(policy(60, Mode.ELEARNING, 14), 80))
                .isEqualTo(60);
        assertThat(RetrainingPlanner.threshold(policy(null, Mode.ELEARNING, 14), 80))
                .isEqualTo(80);
    }
}
