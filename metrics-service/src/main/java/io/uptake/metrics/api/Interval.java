package io.uptake.metrics.api;

import io.uptake.platform.api.InvalidInput;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The periods of a trend: days, ISO weeks (Monday to Sunday) or calendar months, cut to the range, so
 * that the first and last period may be partial.
 */
public enum Interval {
    DAY,
    WEEK,
    MONTH;

    /** The most periods one trend may have, so that a request costs at most this many reports. */
    public static final int MAX_PERIODS = 120;

    public List<DateRange> periods(DateRange range) {
        List<DateRange> periods = new ArrayList<>();
        for (LocalDate start = range.from(); !start.isAfter(range.to()); ) {
            LocalDate end = switch (this) {
                case DAY -> start;
                case WEEK -> start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
                case MONTH -> start.with(TemporalAdjusters.lastDayOfMonth());
            };
            if (end.isAfter(range.to())) {
                end = range.to();
            }
            periods.add(new DateRange(start, end));
            start = end.plusDays(1);
        }
        return periods;
    }

    /** The interval a request names, or a 400 naming {@code interval}. */
    public static Interval require(String value) {
        Interval interval = parse(value);
        if (interval == null) {
            throw new InvalidInput("interval", "must be day, week or month");
        }
        return interval;
    }

    public static Interval parse(String value) {
        return switch (value) {
            case "day" -> DAY;
            case "week" -> WEEK;
            case "month" -> MONTH;
            default -> null;
        };
    }
}
