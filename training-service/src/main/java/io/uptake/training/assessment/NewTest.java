package io.uptake.training.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What HR sends to define a test: questions per skill, a time limit, a pass mark (per skill if given there), a retake wait, an audience. */
public record NewTest(
        @NotBlank @Size(max = 200) String name,
        @NotEmpty @Size(max = 20) List<@Valid @NotNull BlueprintItem> blueprint,
        @NotNull @Min(1) @Max(600) Integer timeLimitMinutes,
        @NotNull @Min(0) @Max(100) Integer passMark,
        @NotNull @Min(0) @Max(8760) Integer retakeAfterHours,
        @Valid Audience audience) {

    /** How many questions of a skill a test draws, and optionally that skill's own pass mark. */
    public record BlueprintItem(
            @NotBlank @Size(max = 64) String skill,
            @NotNull @Min(1) @Max(100) Integer questions,
            @Min(0) @Max(100) Integer passMark) {}

    /** Who may take the test: empty lists mean everyone. */
    public record Audience(
            @Size(max = 100) List<@NotBlank String> businessUnits,
            @Size(max = 100) List<@NotBlank String> jobRoles) {}
}
