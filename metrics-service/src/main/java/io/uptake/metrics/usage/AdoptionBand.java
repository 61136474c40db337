package io.uptake.metrics.usage;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * How regularly a person used the CRM over a range:
 * <ul>
 * <li>{@code DAILY}: active on at least 40 % of the range's workdays (Monday to Friday; the range has at least one);</li>
 * <li>{@code WEEKLY}: otherwise, active on at least one day in more than half of the range's weeks (Monday to
 * Sunday, the partial weeks at either end of the range counted as weeks);</li>
 * <li>{@code OCCASIONAL}: otherwise, active on at least one day of the range;</li>
 * <li>{@code DORMANT}: no activity in the range.</li>
 * </ul>
 */
public enum AdoptionBand {
    DAILY,
    WEEKLY,
    OCCASIONAL,
    DORMANT;

    public static AdoptionBand of(ActiveDays days, LocalDate from, LocalDate to) {
        long active = days.count(from, to);
        if (active == 0) {
            return DORMANT;
        }
        long workdays = ActiveDays.workdaysBetween(from, to);
        if (workdays > 0 && days.workdays(from, to) * 5 >= workdays * 2) {
            return DAILY;
        }
        long weeks = 0;
        long activeWeeks = 0;
        for (LocalDate weekStart = from; !weekStart.isAfter(to); ) {
            LocalDate weekEnd = weekStart.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            LocalDate end = weekEnd.isAfter(to) ? to : weekEnd;
            weeks++;
            if (days.any(weekStart, end)) {
                activeWeeks++;
            }
            weekStart = weekEnd.plusDays(1);
        }
        return activeWeeks * 2 > weeks ? WEEKLY : OCCASIONAL;
    }
}
