package io.uptake.metrics.access;

import io.quarkus.security.ForbiddenException;

/** Which business unit a report may cover for this viewer: managers their own only, executives, admins and HR (where a report admits them) any or all. */
public final class Scope {

    private Scope() {}

    /** The unit to report on (null: every unit); a manager asking for another unit is refused. */
    public static String businessUnit(Viewer viewer, String requested) {
        if (viewer.admin() || viewer.executive() || viewer.hr()) {
            return blankToNull(requested);
        }
        if (viewer.manager() && viewer.businessUnit() != null) {
            if (requested != null && !requested.isBlank() && !requested.equals(viewer.businessUnit())) {
                throw new ForbiddenException("Managers read their own business unit only");
            }
            return viewer.businessUnit();
        }
        throw new ForbiddenException();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
