package io.uptake.feedback.workflow;

import io.uptake.feedback.item.ItemLimits;
import io.uptake.feedback.item.Status;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A triage move. {@code note} is required to decline, {@code duplicateOf} to close as a duplicate;
 * {@code version}, when given, must be the item's current version (else 409), so that two admins
 * acting on the same state cannot both win.
 */
public record TransitionRequest(
        @NotNull Status to, @Size(max = ItemLimits.NOTE) String note, Long duplicateOf, Integer version) {}
