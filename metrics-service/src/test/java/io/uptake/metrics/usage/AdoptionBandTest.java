package io.uptake.metrics.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The bands' definitions, at their edges. 2026-11-02 is a Monday; November 2026 has 4 whole weeks from it. */
class AdoptionBandTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);
    private static final LocalDate FOUR_WEEKS_END = MONDAY.plusDays(27);

    @Test
    void dailyIsFortyPercentOfWorkdays() {
        ActiveDays eight = ActiveDays.none();
        for (int week = 0; week < 4; week++) {
            eight.add(MONDAY.plusWeeks(week)).add(MONDAY.plusWeeks(week).plusDays(1));
        }
        // 20 workdays: 8 active workdays is 40 %, 7 is not
        assertThat(AdoptionBand.of(eight, MONDAY, FOUR_WEEKS_END)).isEqualTo(AdoptionBand.DAILY);
        ActiveDays seven = ActiveDays.none();
        for (int week = 0; week < 4; week++) {
            seven.add(MONDAY.plusWeeks(week));
        }
        seven.add(MONDAY.plusDays(1)).add(MONDAY.plusDays(8)).add(MONDAY.plusDays(15));
        assertThat(AdoptionBand.of(seven, MONDAY, FOUR_WEEKS_END)).isEqualTo(AdoptionBand.WEEKLY);
    }

    @Test
    void weekendDaysDoNotMakeSomeoneDaily() {
        ActiveDays weekends = ActiveDays.none();
        for (int week = 0; week < 4; week++) {
            weekends.add(MONDAY.plusWeeks(week).plusDays(5))
                    .add(MONDAY.plusWeeks(week).plusDays(6));
        }
        assertThat(AdoptionBand.of(weekends, MONDAY, FOUR_WEEKS_END)).isEqualTo(AdoptionBand.WEEKLY);
    }

    @Test
    void weeklyNeedsMoreThanHalfOfTheWeeks() {
        ActiveDays twoOfFour = ActiveDays.none().add(MONDAY).add(MONDAY.plusWeeks(2));
        assertThat(AdoptionBand.of(twoOfFour, MONDAY, FOUR_WEEKS_END)).isEqualTo(AdoptionBand.OCCASIONAL);
        ActiveDays threeOfFour =
                ActiveDays.none().add(MONDAY).add(MONDAY.plusWeeks(2)).add(MONDAY.plusWeeks(3));
        assertThat(AdoptionBand.of(threeOfFour, MONDAY, FOUR_WEEKS_END)).isEqualTo(AdoptionBand.WEEKLY);
    }

    @Test
    void partialWeeksAtTheEdgesCountAsWeeks() {
        // Sunday 1 November to Monday 9 November: three weeks (Sun; Mon-Sun; Mon)
        LocalDate sunday = MONDAY.minusDays(1);
        LocalDate nextMonday = MONDAY.plusWeeks(1);
        ActiveDays edges = ActiveDays.none().add(sunday).add(nextMonday);
        assertThat(AdoptionBand.of(edges, sunday, nextMonday)).isEqualTo(AdoptionBand.WEEKLY);
    }

    @Test
    void noActivityIsDormantAndActivityOutsideTheRangeDoesNotCount() {
        ActiveDays before = ActiveDays.none().add(MONDAY.minusDays(3));
        assertThat(AdoptionBand.of(before, MONDAY, FOUR_WEEKS_END)).isEqualTo(AdoptionBand.DORMANT);
        assertThat(AdoptionBand.of(ActiveDays.none(), MONDAY, FOUR_WEEKS_END)).isEqualTo(AdoptionBand.DORMANT);
    }

    @Test
    void aWeekendOnlyRangeIsNeverDaily() {
        LocalDate saturday = MONDAY.plusDays(5);
        ActiveDays both = ActiveDays.none().add(saturday).add(saturday.plusDays(1));
        assertThat(AdoptionBand.of(both, saturday, saturday.plusDays(1))).isEqualTo(AdoptionBand.WEEKLY);
    }
}
