package io.uptake.feedback.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A fact on {@code uptake.feedback-events} (key: the item id): an item changed status. Its type is
 * {@code feedback.implemented} when the item reached IMPLEMENTED, {@code feedback.status-changed} otherwise.
 * An {@code anonymous} item's event names neither its submitter nor their business unit (both null): other
 * parties read this topic. {@code fromLabel} and {@code toLabel} are the statuses' labels at the time of the move
 * (null in events written before labels existed).
 */
public record FeedbackEvent(
        UUID eventId,
        String type,
        long itemId,
        String title,
        String from,
        String to,
        String note,
        String actor,
        String submittedBy,
        String businessUnit,
        int votes,
        OffsetDateTime at,
        boolean anonymous,
        String fromLabel,
        String toLabel) {

    public static final String IMPLEMENTED = "feedback.implemented";
    public static final String STATUS_CHANGED = "feedback.status-changed";

    public boolean implemented() {
        return IMPLEMENTED.equals(type);
    }

    /** The label of the status the item left, or its code in an event without labels. */
    public String fromShown() {
        return fromLabel == null ? from : fromLabel;
    }

    public String toShown() {
        return toLabel == null ? to : toLabel;
    }
}
