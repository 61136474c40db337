package io.uptake.metrics.team;

import io.uptake.metrics.scorecard.ScorecardView;
import io.uptake.metrics.usage.AdoptionBand;
import java.time.LocalDate;

/**
 * One person of a manager's team over a range: their scorecard's status, score and band, their active days in the
 * range, their last active day up to the range's end, and whether they were followed up (a follow-up met on or after
 * the range's first day; {@code lastFollowUpOn} the last such day).
 */
public record TeamRow(
        String userId,
        String displayName,
        String businessUnit,
        String jobRole,
        ScorecardView.Status status,
        Integer score,
        AdoptionBand band,
        long activeDays,
        LocalDate lastActiveOn,
        boolean followedUp,
        LocalDate lastFollowUpOn) {

    TeamRow withLastFollowUp(LocalDate day) {
        return new TeamRow(
                userId,
                displayName,
                businessUnit,
                jobRole,
                status,
                score,
                band,
                activeDays,
                lastActiveOn,
                day != null,
                day);
    }

    /** The name to sort and search by: the display name, or the user id for someone without one. */
    String name() {
        return displayName == null ? userId : displayName;
    }
}
