package io.uptake.metrics.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.Problem;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a follow-up must hold, without a database. */
class FollowUpRulesTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-02");
    private static final List<String> CAUSES = List.of("training", "process", "workload");
    private static final List<String> KINDS = List.of("training", "coaching");

    private static FollowUpRules.Valid validate(FollowUpRequest request) {
        return FollowUpRules.validate(request, CAUSES, KINDS, TODAY);
    }

    private static List<String> fieldsRefused(FollowUpRequest request) {
        try {
            validate(request);
        } catch (InvalidInput refused) {
            return refused.errors().stream().map(Problem.FieldError::field).toList();
        }
        throw new AssertionError("accepted " + request);
    }

    @Test
    void aTrainingActionAssignsTraining() {
        FollowUpRules.Valid valid = validate(new FollowUpRequest(
                "2026-12-01",
                "training",
                "did not know the pipeline view",
                new FollowUpRequest.Action("training", "pipeline course", "pipeline", "2026-12-20")));
        assertThat(valid.assignsTraining()).isTrue();
        assertThat(valid.action().dueOn()).isEqualTo(LocalDate.parse("2026-12-20"));
        assertThat(validate(new FollowUpRequest("2026-12-01", "workload", null, null))
                        .assignsTraining())
                .isFalse();
    }

    @Test
    void everyWrongFieldIsNamed() {
        assertThat(fieldsRefused(new FollowUpRequest("2026-12-04", "weather", "x".repeat(4001), null)))
                .containsExactlyInAnyOrder("metOn", "rootCause", "notes");
        assertThat(fieldsRefused(new FollowUpRequest(
                        "2026-12-01",
                        "training",
                        null,
                        new FollowUpRequest.Action("training", null, null, "2026-11-30"))))
                .containsExactlyInAnyOrder("action.skill", "action.dueOn");
        assertThat(fieldsRefused(new FollowUpRequest(
                        "2026-12-01", "training", null, new FollowUpRequest.Action("party", null, "pipeline", "soon"))))
                .containsExactlyInAnyOrder("action.kind", "action.skill", "action.dueOn");
        assertThat(fieldsRefused(new FollowUpRequest("2025-01-01", "training", null, null)))
                .containsExactly("metOn");
        assertThatThrownBy(() -> validate(null)).isInstanceOf(InvalidInput.class);
    }
}
