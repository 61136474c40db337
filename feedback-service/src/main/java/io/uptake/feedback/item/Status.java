package io.uptake.feedback.item;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an item stands in the triage workflow. Which moves an item may make depends on its kind as well
 * ({@link Workflow}); a closed status ({@code IMPLEMENTED}, {@code ANSWERED}, {@code DECLINED}, {@code DUPLICATE})
 * is final for every kind.
 */
public enum Status {
    SUBMITTED,
    ACKNOWLEDGED,
    UNDER_REVIEW,
    PLANNED,
    IN_PROGRESS,
    IMPLEMENTED,
    /** A question's final status: its answer is the note of the move. */
    ANSWERED,
    DECLINED,
    DUPLICATE;

    private static final Set<Status> CLOSED = EnumSet.of(IMPLEMENTED, ANSWERED, DECLINED, DUPLICATE);

    public boolean open() {
        return !CLOSED.contains(this);
    }
}
