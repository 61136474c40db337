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
        return ownUnit(caller, requested);
    }

    /**
     * A manager's own unit, whatever else the caller's roles allow: absent or named, it is theirs; another unit,
     * a manager whose token has no {@code business_unit}, and anyone who is not a manager are refused.
     */
    public static String ownUnit(Caller caller, String requested) {
        if (!caller.manager()) {
            throw new ForbiddenException();
        }
        if (caller.businessUnit() == null) {
            throw new ForbiddenException("Your token names no business unit (claim business_unit), so you manage none");
        }
        if (requested != null && !requested.isBlank() && !requested.equals(caller.businessUnit())) {
            throw new ForbiddenException("Managers read their own business unit only");
        }
        return caller.businessUnit();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
