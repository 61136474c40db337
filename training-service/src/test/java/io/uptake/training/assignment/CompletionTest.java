package io.uptake.training.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.platform.access.Caller;
import io.uptake.training.module.Mode;
import org.junit.jupiter.api.Test;

class CompletionTest {

    private static final Caller ALICE = new Caller("alice", "Sales EMEA", "sales-rep", false, false, false, false);
    private static final Caller HANA = new Caller("hana", "People", "hr-partner", false, false, false, true);

    @Test
    void anAssigneeMarksElearningDoneButOnlyHrInstructorLedTraining() {
        assertThat(Completion.mayMarkDone(ALICE, "alice", Mode.ELEARNING)).isTrue();
        assertThat(Completion.mayMarkDone(ALICE, "alice", Mode.INSTRUCTOR_LED)).isFalse();
        assertThat(Completion.mayMarkDone(HANA, "alice", Mode.INSTRUCTOR_LED)).isTrue();
        assertThat(Completion.mayMarkDone(ALICE, "bob", Mode.ELEARNING)).isFalse();
    }
}
