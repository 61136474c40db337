package io.uptake.metrics.scorecard;

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
        int score,
        Status status,
        Long objectivesVersion,
        long activeDays,
        List<ExpectationResult> expectations) {

    public enum Status { MEETING, BELOW, INACTIVE }
}
