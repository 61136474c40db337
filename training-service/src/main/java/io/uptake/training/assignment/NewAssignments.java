package io.uptake.training.assignment;

import io.uptake.training.module.Mode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * HR assigns by hand: to one person ({@code userId}), or in bulk to a business unit and/or a job role
 * (from the roster), or to everyone whose latest score on a skill is under a mark ({@code scoreBelow}).
 * What: a test ({@code testId}), or training for a {@code skill} ({@code moduleId} optional: else a module
 * covering the skill in {@code mode} or the unit's preferred mode). Due on {@code dueOn}, else per policy.
 */
public record NewAssignments(
        @Size(min = 1, max = 100) String userId,
        @Size(min = 1, max = 200) String businessUnit,
        @Size(min = 1, max = 200) String jobRole,
        @Valid ScoreBelow scoreBelow,
        @Size(min = 1, max = 64) String skill,
        UUID moduleId,
        UUID testId,
        Mode mode,
        LocalDate dueOn,
        @Size(max = 500) String note) {

    /** Everyone whose latest score on {@code skill} is under {@code score}. */
    public record ScoreBelow(
            @NotBlank @Size(max = 64) String skill,
            @NotNull @Min(1) @Max(101) Integer score) {}
}
