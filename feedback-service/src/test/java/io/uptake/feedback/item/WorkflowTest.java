package io.uptake.feedback.item;

import static io.uptake.feedback.item.Status.ACKNOWLEDGED;
import static io.uptake.feedback.item.Status.ANSWERED;
import static io.uptake.feedback.item.Status.DECLINED;
import static io.uptake.feedback.item.Status.DUPLICATE;
import static io.uptake.feedback.item.Status.IMPLEMENTED;
import static io.uptake.feedback.item.Status.IN_PROGRESS;
import static io.uptake.feedback.item.Status.PLANNED;
import static io.uptake.feedback.item.Status.SUBMITTED;
import static io.uptake.feedback.item.Status.UNDER_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The workflow's rules per kind, without a server. */
class WorkflowTest {

    @Test
    void ideasAndProblemsStepForwardToImplemented() {
        for (Kind kind : List.of(Kind.IDEA, Kind.PROBLEM)) {
            assertThat(Workflow.next(kind, SUBMITTED)).containsExactlyInAnyOrder(ACKNOWLEDGED, DECLINED, DUPLICATE);
            assertThat(Workflow.next(kind, UNDER_REVIEW)).containsExactlyInAnyOrder(PLANNED, DECLINED, DUPLICATE);
            assertThat(Workflow.next(kind, IN_PROGRESS)).containsExactlyInAnyOrder(IMPLEMENTED, DECLINED, DUPLICATE);
            assertThat(Workflow.allowed(kind, SUBMITTED, ANSWERED)).isFalse();
            assertThat(Workflow.allowed(kind, SUBMITTED, PLANNED)).isFalse();
        }
    }

    @Test
    void aQuestionIsAnsweredFromAnyOpenStatusAndNeverHeadsForImplemented() {
        assertThat(Workflow.next(Kind.QUESTION, SUBMITTED))
                .containsExactlyInAnyOrder(ACKNOWLEDGED, ANSWERED, DECLINED, DUPLICATE);
        assertThat(Workflow.next(Kind.QUESTION, ACKNOWLEDGED))
                .containsExactlyInAnyOrder(UNDER_REVIEW, ANSWERED, DECLINED, DUPLICATE);
        assertThat(Workflow.next(Kind.QUESTION, UNDER_REVIEW)).containsExactlyInAnyOrder(ANSWERED, DECLINED, DUPLICATE);
        // a question that reached PLANNED before the rules may still be answered
        assertThat(Workflow.next(Kind.QUESTION, PLANNED)).containsExactlyInAnyOrder(ANSWERED, DECLINED, DUPLICATE);
        for (Status from : Status.values()) {
            assertThat(Workflow.next(Kind.QUESTION, from)).doesNotContain(PLANNED, IN_PROGRESS, IMPLEMENTED);
        }
    }

    @Test
    void praiseIsAcknowledgedAndEndsThere() {
        assertThat(Workflow.next(Kind.PRAISE, SUBMITTED)).containsExactlyInAnyOrder(ACKNOWLEDGED, DECLINED, DUPLICATE);
        assertThat(Workflow.next(Kind.PRAISE, ACKNOWLEDGED)).containsExactlyInAnyOrder(DECLINED, DUPLICATE);
        for (Status from : Status.values()) {
            assertThat(Workflow.next(Kind.PRAISE, from)).doesNotContain(PLANNED, IN_PROGRESS, IMPLEMENTED, ANSWERED);
        }
    }

    @Test
    void closedStatusesAreFinalForEveryKind() {
        for (Kind kind : Kind.values()) {
            for (Status closed : EnumSet.of(IMPLEMENTED, ANSWERED, DECLINED, DUPLICATE)) {
                assertThat(closed.open()).isFalse();
                assertThat(Workflow.next(kind, closed)).isEmpty();
                assertThat(Workflow.refusal(kind, closed, DECLINED))
                        .hasValueSatisfying(reason -> assertThat(reason).contains("final"));
            }
        }
    }

    @Test
    void onlyIdeasAndProblemsCanBeImplemented() {
        for (Status from : Status.values()) {
            for (Kind kind : Kind.values()) {
                boolean reachable = Workflow.next(kind, from).contains(IMPLEMENTED);
                if (reachable) {
                    assertThat(kind).isIn(Kind.IDEA, Kind.PROBLEM);
                }
            }
        }
    }

    @Test
    void aRefusalSaysWhatTheKindDoesInstead() {
        assertThat(Workflow.refusal(Kind.QUESTION, UNDER_REVIEW, IMPLEMENTED))
                .hasValueSatisfying(reason -> assertThat(reason).contains("answered, not implemented", "ANSWERED"));
        assertThat(Workflow.refusal(Kind.PRAISE, SUBMITTED, PLANNED))
                .hasValueSatisfying(reason ->
                        assertThat(reason).contains("acknowledged, not implemented", "move it to ACKNOWLEDGED"));
        assertThat(Workflow.refusal(Kind.IDEA, SUBMITTED, ANSWERED))
                .hasValueSatisfying(reason -> assertThat(reason).contains("Only a QUESTION"));
        assertThat(Workflow.refusal(Kind.PRAISE, ACKNOWLEDGED, UNDER_REVIEW))
                .hasValueSatisfying(reason -> assertThat(reason).contains("ends once ACKNOWLEDGED"));
        assertThat(Workflow.refusal(Kind.IDEA, SUBMITTED, PLANNED))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .isEqualTo(
                                "An IDEA in SUBMITTED can move to ACKNOWLEDGED, DECLINED, DUPLICATE; not to PLANNED"));
        assertThat(Workflow.refusal(Kind.QUESTION, SUBMITTED, ANSWERED)).isEmpty();
    }

    @Test
    void theStatusListShowsEachKindsMovesAndTheirUnion() {
        assertThat(Workflow.nextByKind(UNDER_REVIEW))
                .containsEntry(Kind.IDEA, List.of(PLANNED, DECLINED, DUPLICATE))
                .containsEntry(Kind.QUESTION, List.of(ANSWERED, DECLINED, DUPLICATE))
                .containsEntry(Kind.PRAISE, List.of(DECLINED, DUPLICATE));
        assertThat(Workflow.nextOfAnyKind(UNDER_REVIEW))
                .containsExactlyInAnyOrder(PLANNED, ANSWERED, DECLINED, DUPLICATE);
    }
}
