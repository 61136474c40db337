package io.uptake.training.policy;

import io.uptake.training.module.Mode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A business unit's retraining policy: skills scored under the threshold get training in the preferred mode, due in
 * so many days. Optional: from which gap below the pass mark retraining is instructor-led, and how many months a
 * passed skill stays valid (absent: the service's defaults).
 */
public record PolicyRequest(
        @NotNull @Min(0) @Max(100) Integer threshold,
        @NotNull Mode preferredMode,
        @NotNull @Min(1) @Max(365) Integer dueInDays,
        @Min(1) @Max(100) Integer instructorLedFromGap,
        @Min(1) @Max(120) Integer validMonths) {}
