package io.uptake.metrics.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.metrics.objective.Expectation;
import io.uptake.metrics.objective.ObjectivesView;
import io.uptake.metrics.roster.Memberships;
import io.uptake.metrics.usage.ActiveDays;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scorecard rules without a database: expectations scaled to the range, met or not, score and status. */
class ScorecardCalculatorTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);
    private static final LocalDate SUNDAY = MONDAY.plusDays(6);
    private static final Memberships.Entry ANA =
            new Memberships.Entry("ana", "Sales", "rep", true, OffsetDateTime.parse("2026-01-01T00:00:00Z"), null);
    private static final ObjectivesView THREE_DAYS_AND_FOUR_CALLS = new ObjectivesView(
            "Sales",
            "rep",
            7,
            OffsetDateTime.parse("2026-01-01T00:00:00Z"),
            null,
            "adam",
            List.of(new Expectation("active-days", "week", 3), new Expectation("action:call.logged", "week", 4)));

    private static Usage usedOn(int days, long calls) {
        ActiveDays active = ActiveDays.none();
        for (int day = 0; day < days; day++) {
            active.add(MONDAY.plusDays(day));
        }
        return Usage.empty().days(active).count("call.logged", calls);
    }

    @Test
    void everyExpectationMetIsMeetingWithAFullScore() {
        ScorecardView card = ScorecardCalculator.score(ANA, THREE_DAYS_AND_FOUR_CALLS, MONDAY, SUNDAY, usedOn(3, 5));
        assertThat(card.status()).isEqualTo(ScorecardView.Status.MEETING);
        assertThat(card.score()).isEqualTo(100);
        assertThat(card.expectations())
                .containsExactly(
                        new ExpectationResult("active-days", "week", 3, 3, true),
                        new ExpectationResult("action:call.logged", "week", 4, 5, true));
    }

    @Test
    void aMissedExpectationIsBelowScoredByTheMeanOfCappedFulfilment() {
        ScorecardView card = ScorecardCalculator.score(ANA, THREE_DAYS_AND_FOUR_CALLS, MONDAY, SUNDAY, usedOn(3, 1));
        assertThat(card.status()).isEqualTo(ScorecardView.Status.BELOW);
        // active days 3/3 = 1 (not more), calls 1/4 = 0.25: the mean is 0.625
        assertThat(card.score()).isEqualTo(63);
        assertThat(card.activeDays()).isEqualTo(3);
    }

    @Test
    void expectationsScaleToTheLengthOfTheRange() {
        // two weeks: 3 a week is 6 days expected, 4 calls a week is 8
        ScorecardView card =
                ScorecardCalculator.score(ANA, THREE_DAYS_AND_FOUR_CALLS, MONDAY, SUNDAY.plusDays(7), usedOn(6, 8));
        assertThat(card.expectations()).extracting(ExpectationResult::expected).containsExactly(6L, 8L);
        assertThat(card.status()).isEqualTo(ScorecardView.Status.MEETING);
    }

    @Test
    void noUseIsInactiveAndNoObjectivesHasNoScore() {
        assertThat(ScorecardCalculator.score(ANA, THREE_DAYS_AND_FOUR_CALLS, MONDAY, SUNDAY, Usage.empty())
                        .status())
                .isEqualTo(ScorecardView.Status.INACTIVE);
        ScorecardView none = ScorecardCalculator.score(ANA, null, MONDAY, SUNDAY, usedOn(2, 0));
        assertThat(none.status()).isEqualTo(ScorecardView.Status.NO_OBJECTIVES);
        assertThat(none.score()).isNull();
        assertThat(none.expectations()).isEmpty();
    }

    @Test
    void onlyTheActionsTheObjectivesNameAreCounted() {
        assertThat(ScorecardCalculator.countedActions(List.of(THREE_DAYS_AND_FOUR_CALLS)))
                .containsExactly("call.logged");
    }
}
