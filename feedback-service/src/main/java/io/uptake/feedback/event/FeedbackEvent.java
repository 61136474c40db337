package io.uptake.feedback.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A fact on {@code uptake.feedback-events} (key: the item id): an item changed status. Its type is
 * {@code feedback.implemented} when the item reached IMPLEMENTED, {@code feedback.status-changed} otherwise.
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
        OffsetDateTime at) {

    public static final String IMPLEMENTED = "feedback.implemented";
    public static final String STATUS_CHANGED = "feedback.status-changed";

    public boolean implemented() {
        return IMPLEMENTED.equals(type);
    }
}
