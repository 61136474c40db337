package io.uptake.metrics.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.metrics.api.DateRange;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonthSlicesTest {

    private static final LocalDate JUNE = LocalDate.of(2026, 6, 1);
    private static final LocalDate JULY = LocalDate.of(2026, 7, 1);

    /** Two weeks: June 28 - July 4 (across the months) and July 5 - 11. */
    private final UsageQueries.MonthSlices weeks = UsageQueries.MonthSlices.of(List.of(
            new DateRange(LocalDate.of(2026, 6, 28), LocalDate.of(2026, 7, 4)),
            new DateRange(LocalDate.of(2026, 7, 5), LocalDate.of(2026, 7, 11))));

    @Test
    void aPeriodAcrossTwoMonthsAddsTheDaysOfEach() {
        TeamUsage team = new TeamUsage(2, Map.of());
        // June: 1 event on the 1st, 2 on the 28th, 3 on the 30th (running counts up to the 30th)
        Long[] june = new Long[30];
        for (int day = 1; day <= 30; day++) {
            june[day - 1] = day < 28 ? 1L : day < 30 ? 3L : 6L;
        }
        weeks.countInto(team, "ana", "record.created", JUNE, june);
        // July: 4 events on the 2nd, 5 on the 6th, nothing after (the array ends on the last day with events)
        weeks.countInto(team, "ana", "record.created", JULY, new Long[] {0L, 4L, 4L, 4L, 4L, 9L});

        assertThat(team.of("ana", 0).count("record.created")).isEqualTo(2 + 3 + 4);
        assertThat(team.of("ana", 1).count("record.created")).isEqualTo(5);
    }

    @Test
    void daysPastTheEndOfTheArrayHoldItsLastValueAndDayOneHasNothingBefore() {
        UsageQueries.MonthSlices month = UsageQueries.MonthSlices.of(List.of(
                new DateRange(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 3)),
                new DateRange(LocalDate.of(2026, 7, 4), LocalDate.of(2026, 7, 31))));
        TeamUsage team = new TeamUsage(2, Map.of());

        month.countInto(team, "ben", "deal.won", JULY, new Long[] {7L, 7L});

        assertThat(team.of("ben", 0).count("deal.won")).isEqualTo(7);
        assertThat(team.of("ben", 1).count("deal.won")).isZero();
    }

    @Test
    void aRowOfAMonthNoSliceTouchesCountsNothing() {
        TeamUsage team = new TeamUsage(2, Map.of());

        weeks.countInto(team, "cy", "record.created", LocalDate.of(2026, 8, 1), new Long[] {3L});

        assertThat(team.of("cy", 0).count("record.created")).isZero();
        assertThat(weeks.distinctMonths()).containsExactly(JUNE, JULY);
    }

    @Test
    void everyoneIsReadInListsOfAtMostTheSizeNoneLeftOut() {
        List<String> people = java.util.stream.IntStream.rangeClosed(1, 10_001)
                .mapToObj(n -> "p" + n)
                .toList();

        List<List<String>> lists = UsageQueries.inLists(people, 5_000);

        assertThat(lists).extracting(List::size).containsExactly(5_000, 5_000, 1);
        assertThat(lists.stream().flatMap(List::stream)).containsExactlyElementsOf(people);
        assertThat(UsageQueries.inLists(List.of(), 5_000)).isEmpty();
    }

    @Test
    void weeksCutMonthsWhereARangeOrWholeMonthsDoNot() {
        assertThat(weeks.cutMonths()).isTrue();
        assertThat(UsageQueries.MonthSlices.of(
                                List.of(new DateRange(LocalDate.of(2026, 5, 3), LocalDate.of(2026, 7, 31))))
                        .cutMonths())
                .isFalse();
        assertThat(UsageQueries.MonthSlices.of(List.of(
                                new DateRange(JUNE, LocalDate.of(2026, 6, 30)),
                                new DateRange(JULY, LocalDate.of(2026, 7, 31))))
                        .cutMonths())
                .isFalse();
    }

    @Test
    void dailyPeriodsTakeEachDayOfTheirMonthOnly() {
        List<DateRange> days = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> LocalDate.of(2026, 6, 25).plusDays(i))
                .map(day -> new DateRange(day, day))
                .toList();
        UsageQueries.MonthSlices daily = UsageQueries.MonthSlices.of(days);
        TeamUsage team = new TeamUsage(10, Map.of());

        // July: 1 event on the 1st, 2 on the 3rd; June: 4 on the 30th
        daily.countInto(team, "di", "record.created", JULY, new Long[] {1L, 1L, 3L});
        daily.countInto(team, "di", "record.created", JUNE, new Long[] {
            0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L,
            0L, 0L, 4L
        });

        long[] perDay = java.util.stream.IntStream.range(0, 10)
                .mapToLong(period -> team.of("di", period).count("record.created"))
                .toArray();
        assertThat(perDay).containsExactly(0, 0, 0, 0, 0, 4, 1, 0, 2, 0);
    }
}
