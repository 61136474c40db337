package io.uptake.metrics.access;

import io.quarkus.security.ForbiddenException;
import io.uptake.platform.access.Caller;

/** Which business unit a report may cover for this caller: managers their own only, executives, admins and HR (where a report admits them) any or all. */
public final class Scope {

    private Scope() {}

    /** The unit to report on (null: every unit); a manager asking for another unit is refused. */
    public static String businessUnit(Caller caller, String requested) {
        if (caller.admin() || caller.executive() || caller.hr()) {
            return blankToNull(requested);
        }
        if (caller.manager() && caller.businessUnit() != null) {
            if (requested != null && !requested.isBlank() && !requested.equals(caller.businessUnit())) {
                throw new ForbiddenException("Managers read their own business unit only");
            }
            return caller.businessUnit();
        }
        throw new ForbiddenException();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
