package io.uptake.metrics.report;

import io.quarkus.security.ForbiddenException;
import io.uptake.metrics.access.Viewer;

/** Which business unit a report may cover for this viewer: managers their own only, executives and admins any or all. */
final class Scope {

    private Scope() {}

    /** The unit to report on (null: every unit); a manager asking for another unit is refused. */
    static String businessUnit(Viewer viewer, String requested) {
        if (viewer.admin() || viewer.executive()) {
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
