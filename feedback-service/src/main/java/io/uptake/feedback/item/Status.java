package io.uptake.feedback.item;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an item stands in the triage workflow. Open items move one step forward at a time, or are
 * closed as {@code DECLINED} or {@code DUPLICATE}; closed items do not move again.
 */
public enum Status {
    SUBMITTED,
    ACKNOWLEDGED,
    UNDER_REVIEW,
    PLANNED,
    IN_PROGRESS,
    IMPLEMENTED,
    DECLINED,
    DUPLICATE;

    private static final Set<Status> CLOSED = EnumSet.of(IMPLEMENTED, DECLINED, DUPLICATE);

    public boolean open() {
        return !CLOSED.contains(this);
    }

    /** The moves the workflow allows from here. */
    public Set<Status> next() {
        if (!open()) {
            return EnumSet.noneOf(Status.class);
        }
        return EnumSet.of(values()[ordinal() + 1], DECLINED, DUPLICATE);
    }

    public boolean mayMoveTo(Status target) {
        return next().contains(target);
    }
}
