package io.uptake.training.assignment;

/** What an assignment asks for: training (a module for a skill) or a test to take. */
public enum AssignmentKind {
    TRAINING,
    TEST
}
