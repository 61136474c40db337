package io.uptake.metrics.effectiveness;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What one completed training did to a person's use of the CRM: the weeks before it was assigned against the
 * weeks after it was completed. {@code scoreChange} is in points of the objectives' score (null when a window
 * had no objectives); {@code improved} when the score rose (without a score: the active days per week rose).
 */
public record TrainingEffect(
        UUID assignmentId,
        String userId,
        String businessUnit,
        String skill,
        String moduleId,
        String moduleTitle,
        String mode,
        LocalDate assignedOn,
        LocalDate completedOn,
        UsageWindow before,
        UsageWindow after,
        Integer scoreChange,
        double activeDaysPerWeekChange,
        boolean improved,
        boolean belowBefore,
        boolean meetingAfter) {

    /** The training this is the effect of. */
    public TrainedAssignment training() {
        return new TrainedAssignment(
                assignmentId, userId, businessUnit, skill, moduleId, moduleTitle, mode, assignedOn, completedOn);
    }
}
