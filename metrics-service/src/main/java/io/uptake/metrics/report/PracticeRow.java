package io.uptake.metrics.report;

import java.time.OffsetDateTime;

/** An approved local practice, with the unit's share of the action beside the organisation's over the range. */
public record PracticeRow(
        String businessUnit,
        String action,
        String reason,
        String approvedBy,
        OffsetDateTime approvedAt,
        double share,
        double orgShare) {}
