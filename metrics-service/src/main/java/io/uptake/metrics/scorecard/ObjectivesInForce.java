package io.uptake.metrics.scorecard;

import io.uptake.metrics.objective.ObjectivesView;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Objective versions of several teams over a span of time, and which of them was in force at an instant. */
final class ObjectivesInForce {

    private final List<ObjectivesView> versions;

    ObjectivesInForce(List<ObjectivesView> versions) {
        this.versions = versions;
    }

    /** The version in force at {@code at} for each team (unit and role) that had one, keyed by {@link #team}. */
    Map<String, ObjectivesView> at(OffsetDateTime at) {
        Map<String, ObjectivesView> inForce = new HashMap<>();
        for (ObjectivesView version : versions) {
            if (!version.validFrom().isAfter(at)
                    && (version.validTo() == null || version.validTo().isAfter(at))) {
                inForce.merge(
                        team(version.businessUnit(), version.jobRole()),
                        version,
                        (one, other) -> one.validFrom().isAfter(other.validFrom()) ? one : other);
            }
        }
        return inForce;
    }

    static String team(String businessUnit, String jobRole) {
        return businessUnit + '\u0000' + jobRole;
    }

    /** The business unit of a key made by {@link #team}. */
    static String businessUnitOf(String team) {
        return team.substring(0, team.indexOf('\u0000'));
    }
}
