package io.uptake.training.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.training.module.Mode;
import io.uptake.training.module.ModuleCandidate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The gap picks the policy's mode; the person's preference wins where a module in it exists; else whatever exists. */
class RetrainingModeTest {

    private static final ModuleCandidate CLASS = new ModuleCandidate(UUID.randomUUID(), Mode.INSTRUCTOR_LED);
    private static final ModuleCandidate COURSE = new ModuleCandidate(UUID.randomUUID(), Mode.ELEARNING);
    private static final ModuleCandidate OLD_COURSE = new ModuleCandidate(UUID.randomUUID(), Mode.ELEARNING);

    @Test
    void theGapIsHowFarTheScoreIsUnderThePassMarkNeverNegative() {
        assertThat(RetrainingMode.gap(40, 70)).isEqualTo(30);
        assertThat(RetrainingMode.gap(69, 70)).isEqualTo(1);
        assertThat(RetrainingMode.gap(70, 70)).isZero();
        assertThat(RetrainingMode.gap(90, 70)).isZero();
    }

    @Test
    void aSmallGapIsELearningALargeOneFromTheThresholdOnInstructorLed() {
        assertThat(RetrainingMode.forGap(29, 30)).isEqualTo(Mode.ELEARNING);
        assertThat(RetrainingMode.forGap(30, 30)).isEqualTo(Mode.INSTRUCTOR_LED);
        assertThat(RetrainingMode.forGap(0, 1)).isEqualTo(Mode.ELEARNING);
        assertThat(RetrainingMode.forGap(100, 100)).isEqualTo(Mode.INSTRUCTOR_LED);
    }

    @Test
    void thePersonsPreferenceWinsWhereAModuleInItExists() {
        assertThat(RetrainingMode.choose(Mode.ELEARNING, Mode.INSTRUCTOR_LED, List.of(CLASS, COURSE, OLD_COURSE)))
                .isEqualTo(COURSE);
        assertThat(RetrainingMode.choose(Mode.INSTRUCTOR_LED, Mode.ELEARNING, List.of(COURSE, CLASS)))
                .isEqualTo(CLASS);
    }

    @Test
    void withoutAModuleInThePreferredModeThePolicysModeThenWhateverExists() {
        assertThat(RetrainingMode.choose(Mode.INSTRUCTOR_LED, Mode.ELEARNING, List.of(COURSE, OLD_COURSE)))
                .isEqualTo(COURSE);
        assertThat(RetrainingMode.choose(null, Mode.INSTRUCTOR_LED, List.of(COURSE, CLASS)))
                .isEqualTo(CLASS);
        assertThat(RetrainingMode.choose(null, Mode.INSTRUCTOR_LED, List.of(OLD_COURSE, COURSE)))
                .isEqualTo(OLD_COURSE);
        assertThat(RetrainingMode.choose(Mode.ELEARNING, Mode.ELEARNING, List.of()))
                .isNull();
    }
}
