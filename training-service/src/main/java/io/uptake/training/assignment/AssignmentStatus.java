package io.uptake.training.assignment;

/** Where an assignment stands; ASSIGNED, IN_PROGRESS and OVERDUE are still to be done ({@link AssignmentStore#OPEN}). */
public enum AssignmentStatus {
    ASSIGNED,
    IN_PROGRESS,
    COMPLETED,
    OVERDUE,
    CANCELLED
}
