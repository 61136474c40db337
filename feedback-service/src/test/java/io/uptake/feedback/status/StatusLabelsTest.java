package io.uptake.feedback.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uptake.feedback.item.Status;
import io.uptake.platform.api.InvalidInput;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusLabelsTest {

    private final Map<Status, String> named = Map.of(Status.PLANNED, "On the roadmap");

    @Test
    void anUnnamedStatusShowsItsCode() {
        assertThat(StatusLabels.labelOf(Status.PLANNED, named)).isEqualTo("On the roadmap");
        assertThat(StatusLabels.labelOf(Status.UNDER_REVIEW, named)).isEqualTo("UNDER_REVIEW");
    }

    @Test
    void aLabelIsTrimmedAndMustBePrintableAndShort() {
        assertThat(StatusLabels.cleaned("  Thinking ")).isEqualTo("Thinking");
        for (String bad : new String[] {null, "", "   ", "x".repeat(61), "a\nb"}) {
            assertThatThrownBy(() -> StatusLabels.cleaned(bad))
                    .isInstanceOf(InvalidInput.class)
                    .satisfies(failure -> assertThat(
                                    ((InvalidInput) failure).errors().getFirst().field())
                            .isEqualTo("label"));
        }
        assertThat(StatusLabels.cleaned("x".repeat(60))).hasSize(60);
    }

    @Test
    void twoStatusesMayNotShowTheSameLabelIgnoringCase() {
        assertThat(StatusLabels.clash(Status.ACKNOWLEDGED, "on the ROADMAP", named))
                .contains(Status.PLANNED);
        assertThat(StatusLabels.clash(Status.ACKNOWLEDGED, "Declined", named)).contains(Status.DECLINED);
        assertThat(StatusLabels.clash(Status.PLANNED, "On the roadmap", named)).isEmpty();
        assertThat(StatusLabels.clash(Status.ACKNOWLEDGED, "Seen", named)).isEmpty();
    }
}
