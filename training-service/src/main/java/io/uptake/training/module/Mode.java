package io.uptake.training.module;

/** How a module is delivered. */
public enum Mode {
    ELEARNING,
    INSTRUCTOR_LED
}
