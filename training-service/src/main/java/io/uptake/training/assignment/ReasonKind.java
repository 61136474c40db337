package io.uptake.training.assignment;

/** Why an assignment exists (see {@link Reason}). */
public enum ReasonKind {
    SCORE,
    RETEST,
    SHORTFALL,
    MANUAL,
    FOLLOW_UP,
    RECERTIFY
}
