package io.uptake.metrics.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The periods of a trend, cut to the range at both ends. */
class IntervalTest {

    private static DateRange range(String from, String to) {
        return new DateRange(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void weeksRunMondayToSundayAndArePartialAtTheEdges() {
        // Wednesday 2026-11-04 to Tuesday 2026-11-17
        assertThat(Interval.WEEK.periods(range("2026-11-04", "2026-11-17")))
                .containsExactly(
                        range("2026-11-04", "2026-11-08"),
                        range("2026-11-09", "2026-11-15"),
                        range("2026-11-16", "2026-11-17"));
    }

    @Test
    void monthsAreCalendarMonthsAcrossAYearEnd() {
        assertThat(Interval.MONTH.periods(range("2025-11-20", "2026-01-31")))
                .containsExactly(
                        range("2025-11-20", "2025-11-30"),
                        range("2025-12-01", "2025-12-31"),
                        range("2026-01-01", "2026-01-31"));
    }

    @Test
    void daysAreEachDayAndEveryDayIsInExactlyOnePeriod() {
        List<DateRange> days = Interval.DAY.periods(range("2024-02-27", "2024-03-01"));
        assertThat(days).hasSize(4).allMatch(day -> day.from().equals(day.to()));
        for (Interval interval : Interval.values()) {
            List<DateRange> periods = interval.periods(range("2024-01-15", "2024-12-31"));
            assertThat(periods.stream().mapToLong(DateRange::days).sum())
                    .as(interval.name())
                    .isEqualTo(352);
            for (int i = 1; i < periods.size(); i++) {
                assertThat(periods.get(i).from())
                        .isEqualTo(periods.get(i - 1).to().plusDays(1));
            }
        }
    }

    @Test
    void namesAreParsedAndUnknownOnesAreNot() {
        assertThat(Interval.parse("week")).isEqualTo(Interval.WEEK);
        assertThat(Interval.parse("fortnight")).isNull();
    }
}
