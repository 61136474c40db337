package io.uptake.metrics.scorecard;

import io.uptake.metrics.usage.AdoptionBand;
import java.time.LocalDate;
import java.util.List;

/**
 * A person held against the objectives of their business unit and job role over {@code from}..{@code to}
 * (both included): a score of 0 to 100, a status, and each expectation.
 */
public record ScorecardView(
        String userId,
        String businessUnit,
        String jobRole,
        LocalDate from,
        LocalDate to,
        Integer score,
        Status status,
        AdoptionBand band,
        Long objectivesVersion,
        long activeDays,
        List<ExpectationResult> expectations) {

    /** NO_OBJECTIVES: the unit and role had no objectives in force for the range, so there is no score. */
    public enum Status {
        MEETING,
        BELOW,
        INACTIVE,
        NO_OBJECTIVES;

        /** Below the objectives in force: listed as a shortfall and published as one. */
        public boolean isShortfall() {
            return this == BELOW || this == INACTIVE;
        }
    }
}
