package io.uptake.metrics.report;

import java.util.List;

/**
 * How far a business unit's mix of actions strays from the organisation's: the total variation
 * distance between the two mixes (0 the same, 1 nothing in common), and the same counting only the actions whose
 * deviation is not an approved local practice ({@code unapprovedDeviation}, flagged above the threshold), the
 * actions that differ most, and the unit's approved practices.
 */
public record ConformityRow(
        String businessUnit,
        long events,
        double deviation,
        double unapprovedDeviation,
        boolean flagged,
        List<ActionShare> topDeviations,
        List<String> approvedPractices) {

    /** One action's share of the unit's events beside its share of the organisation's; approved: the unit's way is an approved practice. */
    public record ActionShare(String action, double share, double orgShare, boolean approved) {}
}
