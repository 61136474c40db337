package io.uptake.metrics.followup;

import java.time.LocalDate;
import java.util.Comparator;

/** How many follow-ups in a period found this root cause in this business unit. */
public record RootCauseRow(
        LocalDate periodStart, LocalDate periodEnd, String businessUnit, String rootCause, long followUps) {

    static final Comparator<RootCauseRow> ORDER = Comparator.comparing(RootCauseRow::periodStart)
            .thenComparing(RootCauseRow::businessUnit, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(RootCauseRow::rootCause);

    RootCauseRow withFollowUps(long count) {
        return new RootCauseRow(periodStart, periodEnd, businessUnit, rootCause, count);
    }
}
