package io.uptake.metrics.report;

import java.util.List;

/**
 * How far a business unit's mix of actions strays from the organisation's: the total variation
 * distance between the two mixes (0 the same, 1 nothing in common), flagged above the threshold,
 * and the actions that differ most.
 */
public record ConformityRow(
        String businessUnit, long events, double deviation, boolean flagged, List<ActionShare> topDeviations) {

    /** One action's share of the unit's events beside its share of the organisation's. */
    public record ActionShare(String action, double share, double orgShare) {}
}
