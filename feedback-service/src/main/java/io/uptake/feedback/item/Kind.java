package io.uptake.feedback.item;

/** What a feedback item is. */
public enum Kind {
    IDEA,
    PROBLEM,
    QUESTION,
    PRAISE
}
