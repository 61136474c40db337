package io.uptake.feedback.stats;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;

/** Counting back working days (Monday to Friday; public holidays are not known here). */
final class WorkingDays {

    private WorkingDays() {}

    /** The instant that lies {@code days} working days before {@code now}. */
    static OffsetDateTime before(OffsetDateTime now, int days) {
        OffsetDateTime at = now;
        int left = days;
        while (left > 0) {
            at = at.minusDays(1);
            if (at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return at;
    }
}
