package io.uptake.metrics.report;

import java.time.LocalDate;

/**
 * Adoption of one group in one period of a trend (the figures of {@link AdoptionRow}, with the period
 * as the range): WAU and MAU end on the period's last day; meeting objectives uses the objectives in
 * force when the period is judged.
 */
public record TrendRow(
        LocalDate periodStart,
        LocalDate periodEnd,
        String group,
        long people,
        long activePeople,
        double dau,
        long wau,
        long mau,
        double stickiness,
        double meetingObjectives,
        long daily,
        long weekly,
        long occasional,
        long dormant) {

    static TrendRow of(LocalDate start, LocalDate end, AdoptionRow row) {
        return new TrendRow(
                start,
                end,
                row.group(),
                row.people(),
                row.activePeople(),
                row.dau(),
                row.wau(),
                row.mau(),
                row.stickiness(),
                row.meetingObjectives(),
                row.daily(),
                row.weekly(),
                row.occasional(),
                row.dormant());
    }
}
