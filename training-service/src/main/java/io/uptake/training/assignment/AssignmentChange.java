package io.uptake.training.assignment;

import io.uptake.training.module.Mode;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/** HR's changes to one assignment: a new due date, another mode, or {@code status: CANCELLED}. */
public record AssignmentChange(
        LocalDate dueOn,
        Mode mode,

        @Pattern(regexp = "CANCELLED", message = "may only be set to CANCELLED")
        String status) {}
