package io.uptake.metrics.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The day bitmaps against a plain set of days: every range, across months, years and leap days. */
class ActiveDaysTest {

    @Test
    void countsAgreeWithASetOfDaysForRandomRanges() {
        Random random = new Random(42);
        LocalDate origin = LocalDate.of(2023, 12, 1);
        Set<LocalDate> set = new HashSet<>();
        ActiveDays days = ActiveDays.none();
        for (int i = 0; i < 400; i++) {
            LocalDate day = origin.plusDays(random.nextInt(800));
            set.add(day);
            days.add(day);
        }
        for (int i = 0; i < 2_000; i++) {
            LocalDate from = origin.plusDays(random.nextInt(800));
            LocalDate to = from.plusDays(random.nextInt(366));
            long expected = set.stream()
                    .filter(d -> !d.isBefore(from) && !d.isAfter(to))
                    .count();
            long expectedWorkdays = set.stream()
                    .filter(d -> !d.isBefore(from) && !d.isAfter(to) && ActiveDays.isWorkday(d))
                    .count();
            assertThat(days.count(from, to)).as("%s..%s", from, to).isEqualTo(expected);
            assertThat(days.workdays(from, to)).as("workdays %s..%s", from, to).isEqualTo(expectedWorkdays);
        }
    }

    @Test
    void theLastDayOfALeapYearAndTheFirstOfTheNextAreDistinctBits() {
        ActiveDays days = ActiveDays.none().add(LocalDate.of(2024, 12, 31)).add(LocalDate.of(2025, 1, 1));
        assertThat(days.count(LocalDate.of(2024, 12, 31), LocalDate.of(2024, 12, 31)))
                .isEqualTo(1);
        assertThat(days.count(LocalDate.of(2024, 12, 30), LocalDate.of(2025, 1, 2)))
                .isEqualTo(2);
        assertThat(days.on(LocalDate.of(2024, 12, 30))).isFalse();
        assertThat(days.count(LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 1)))
                .isZero();
    }

    @Test
    void bitmapsFromTheDatabaseAreOredIn() {
        long[] first = new long[6];
        first[0] = 0b101; // 1 and 3 January
        long[] second = new long[6];
        second[0] = 0b110; // 2 and 3 January
        ActiveDays days = ActiveDays.none().add(2026, first).add(2026, second);
        assertThat(days.count(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)))
                .isEqualTo(3);
    }

    @Test
    void workdaysBetweenAgreesWithADayByDayCount() {
        Random random = new Random(11);
        for (int i = 0; i < 500; i++) {
            LocalDate from = LocalDate.of(2023, 6, 1).plusDays(random.nextInt(900));
            LocalDate to = from.plusDays(random.nextInt(366));
            long expected = from.datesUntil(to.plusDays(1))
                    .filter(ActiveDays::isWorkday)
                    .count();
            assertThat(ActiveDays.workdaysBetween(from, to))
                    .as("%s..%s", from, to)
                    .isEqualTo(expected);
        }
    }

    @Test
    void workdaysBetweenCountsMondayToFriday() {
        // 2026-11-30 is a Monday
        assertThat(ActiveDays.workdaysBetween(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 6)))
                .isEqualTo(5);
        assertThat(ActiveDays.workdaysBetween(LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 6)))
                .isZero();
    }
}
