package io.uptake.metrics.effectiveness;

import java.time.LocalDate;
import java.util.UUID;

/** A completed training assignment, as training-service announced it: what effectiveness is measured for. */
public record TrainedAssignment(
        UUID assignmentId,
        String userId,
        String businessUnit,
        String skill,
        String moduleId,
        String moduleTitle,
        String mode,
        LocalDate assignedOn,
        LocalDate completedOn) {}
