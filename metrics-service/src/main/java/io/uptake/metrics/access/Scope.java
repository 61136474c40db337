package io.uptake.metrics.access;

import io.uptake.platform.access.Caller;

/** Which business unit a report may cover for this caller: managers their own only, executives, admins and HR (where a report admits them) any or all. */
public final class Scope {

    private Scope() {}

    /** The unit to report on (null: every unit); a manager asking for another unit is refused. */
    public static String businessUnit(Caller caller, String requested) {
        if (caller.admin() || caller.executive() || caller.hr()) {
            return blankToNull(requested);
        }
        return ownUnit(caller, requested);
    }

    /**
     * A manager's own unit, whatever else the caller's roles allow: the platform's one rule ({@link Caller#ownUnit}).
     */
    public static String ownUnit(Caller caller, String requested) {
        return caller.ownUnit(requested);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
