package io.uptake.training.access;

import io.uptake.platform.access.Caller;

/** Training's own reach of a caller's roles. */
public final class TrainingAccess {

    private TrainingAccess() {}

    /** HR and admins see everything in training. */
    public static boolean readsAll(Caller caller) {
        return caller.hr() || caller.admin();
    }
}
