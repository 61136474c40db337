package io.uptake.training.assignment;

import io.uptake.platform.access.Caller;
import io.uptake.training.module.Mode;

/**
 * Who may mark a training assignment done. The assignee may for eLearning, which they take alone; instructor-led
 * training is done when HR confirms the attendance, since completing it frees the seat and counts in the
 * effectiveness reports.
 */
final class Completion {

    static final String INSTRUCTOR_LED_RULE =
            "Instructor-led training is marked done by HR once your attendance is confirmed";

    private Completion() {}

    static boolean mayMarkDone(Caller caller, String assignee, Mode mode) {
        return caller.hr() || (assignee.equals(caller.userId()) && mode != Mode.INSTRUCTOR_LED);
    }
}
