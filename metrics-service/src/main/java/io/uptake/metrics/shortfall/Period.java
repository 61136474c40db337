package io.uptake.metrics.shortfall;

import io.uptake.metrics.api.DateRange;
import io.uptake.platform.api.InvalidInput;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** A calendar week (Monday to Sunday) or month, the unit in which shortfalls are published. */
public record Period(String kind, LocalDate start) {

    public static final String WEEK = "week";
    public static final String MONTH = "month";

    public static Period of(String kind, String start) {
        if (!WEEK.equals(kind) && !MONTH.equals(kind)) {
            throw new InvalidInput("period", "must be week or month");
        }
        LocalDate first;
        try {
            first = LocalDate.parse(start);
        } catch (RuntimeException e) {
            throw new InvalidInput("from", "must be a date such as 2026-11-16");
        }
        if (WEEK.equals(kind) && first.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new InvalidInput("from", "a week starts on a Monday");
        }
        if (MONTH.equals(kind) && first.getDayOfMonth() != 1) {
            throw new InvalidInput("from", "a month starts on its first day");
        }
        return new Period(kind, first);
    }

    /** The last week, or month, that has ended by {@code today}. */
    public static Period lastClosed(String kind, LocalDate today) {
        return WEEK.equals(kind)
                ? new Period(
                        WEEK,
                        today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                                .minusWeeks(1))
                : new Period(MONTH, today.withDayOfMonth(1).minusMonths(1));
    }

    public LocalDate end() {
        return WEEK.equals(kind) ? start.plusDays(6) : start.with(TemporalAdjusters.lastDayOfMonth());
    }

    public DateRange range() {
        return new DateRange(start, end());
    }

    public boolean closedBy(LocalDate today) {
        return end().isBefore(today);
    }
}
