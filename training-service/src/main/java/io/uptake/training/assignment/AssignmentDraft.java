package io.uptake.training.assignment;

import io.uptake.training.module.Mode;
import java.time.LocalDate;
import java.util.UUID;

/** What a new assignment holds; {@code moduleId} and {@code mode} for training, {@code testId} for a test (or the test a training came from). */
public record AssignmentDraft(
        String userId,
        String businessUnit,
        AssignmentKind kind,
        String skill,
        UUID moduleId,
        Mode mode,
        UUID testId,
        LocalDate dueOn,
        Reason reason,
        String createdBy) {

    /** A test to take, assigned by the system. */
    public static AssignmentDraft test(
            String userId, String businessUnit, String skill, UUID testId, LocalDate dueOn, Reason reason) {
        return new AssignmentDraft(
                userId, businessUnit, AssignmentKind.TEST, skill, null, null, testId, dueOn, reason, "system");
    }
}
