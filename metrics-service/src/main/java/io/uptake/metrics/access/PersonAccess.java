package io.uptake.metrics.access;

import io.uptake.platform.access.Caller;

/** Who may read a person's own figures: themself, their unit's manager, HR, executives and admins. */
public final class PersonAccess {

    private PersonAccess() {}

    /** Whether the caller may read the figures of {@code userId}, a person of {@code personUnit} (null: unknown). */
    public static boolean mayRead(Caller caller, String userId, String personUnit) {
        return caller.userId().equals(userId)
                || caller.admin()
                || caller.executive()
                || caller.hr()
                || caller.managesUnit(personUnit);
    }
}
