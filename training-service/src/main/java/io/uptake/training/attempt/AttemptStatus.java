package io.uptake.training.attempt;

/** An attempt is open until it is submitted (by its taker, or as of its deadline when next started). */
public enum AttemptStatus {
    OPEN,
    SUBMITTED
}
