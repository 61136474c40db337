package io.uptake.metrics.report;

import io.uptake.metrics.scorecard.ExpectationResult;
import io.uptake.metrics.usage.AdoptionBand;
import java.time.LocalDate;
import java.util.List;

/**
 * Someone below their objectives: what they missed, how far short they are (100 - score), how regularly they used
 * the CRM, and whether their manager has followed the shortfall up (a follow-up met on or after the range's start).
 */
public record ShortfallRow(
        String userId,
        String displayName,
        String businessUnit,
        String jobRole,
        String status,
        int score,
        AdoptionBand band,
        List<ExpectationResult> missed,
        int gap,
        boolean followedUp,
        LocalDate lastFollowUpOn) {

    /**
     * With the person's name on the roster now ({@code null}: not known) and the day of their last follow-up in or
     * after the range ({@code null}: not followed up).
     */
    ShortfallRow withNameAndLastFollowUp(String name, LocalDate day) {
        return new ShortfallRow(
                userId, name, businessUnit, jobRole, status, score, band, missed, gap, day != null, day);
    }
}
