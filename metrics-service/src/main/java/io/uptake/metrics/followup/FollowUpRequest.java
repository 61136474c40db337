package io.uptake.metrics.followup;

/** The body of a new follow-up, as sent (validated by {@link FollowUpRules}). */
public record FollowUpRequest(String metOn, String rootCause, String notes, Action action) {

    public record Action(String kind, String description, String skill, String dueOn) {}
}
