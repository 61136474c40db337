package io.uptake.metrics.followup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A manager's conversation with a person about their shortfall: when, the root cause found, and the action agreed.
 * {@code displayName} and {@code recordedByName} are the names of the person and of who recorded it on the roster now
 * ({@code null} for someone not on the roster).
 */
public record FollowUpView(
        UUID id,
        String userId,
        String displayName,
        String businessUnit,
        LocalDate metOn,
        String rootCause,
        String notes,
        AgreedAction action,
        String recordedBy,
        String recordedByName,
        OffsetDateTime recordedAt) {

    /** What was agreed, by when; {@code skill} for a training action. */
    public record AgreedAction(String kind, String description, String skill, LocalDate dueOn) {}
}
