package io.uptake.feedback.stats;

import java.time.LocalDate;
import java.util.List;

/** Whether people are being listened to, over a date range: per business unit, and who contributes most. */
public record FeedbackStats(
        LocalDate from, LocalDate to, List<UnitStats> businessUnits, List<Contributor> topContributors) {

    /** Medians are over the items submitted in the range that got there; null when none did. */
    public record UnitStats(
            String businessUnit,
            long submitted,
            long implemented,
            Double medianHoursToFirstResponse,
            Double medianDaysToImplementation) {}

    /** {@code displayName}: the name on their latest item of the period that has one; null when none has. */
    public record Contributor(String userId, String displayName, long submitted, long implemented) {}
}
