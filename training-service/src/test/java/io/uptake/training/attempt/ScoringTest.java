package io.uptake.training.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scoring rules against examples worked out by hand (README, "Scoring"). */
class ScoringTest {

    @Test
    void singleIsAllOrNothing() {
        assertThat(Scoring.single(2, 2)).isEqualTo(1.0);
        assertThat(Scoring.single(2, 1)).isEqualTo(0.0);
        assertThat(Scoring.single(2, null)).isEqualTo(0.0);
    }

    @Test
    void numberCountsWithinTheToleranceInclusive() {
        assertThat(Scoring.number(42.0, 0.5, 42.5)).isEqualTo(1.0);
        assertThat(Scoring.number(42.0, 0.5, 41.5)).isEqualTo(1.0);
        assertThat(Scoring.number(42.0, 0.5, 42.51)).isEqualTo(0.0);
        assertThat(Scoring.number(42.0, 0.0, 42.0)).isEqualTo(1.0);
        assertThat(Scoring.number(42.0, 0.0, null)).isEqualTo(0.0);
    }

    @Test
    void multipleGivesCreditForRightOptionsLessWrongOnesNeverBelowZero() {
        Set<Integer> key = Set.of(0, 2, 3);
        // all three right: 3/3
        assertThat(Scoring.multiple(key, Set.of(0, 2, 3))).isEqualTo(1.0);
        // two of three right, nothing wrong: 2/3
        assertThat(Scoring.multiple(key, Set.of(0, 2))).isCloseTo(0.6667, within(0.0001));
        // three right and one wrong: (3 - 1) / 3
        assertThat(Scoring.multiple(key, Set.of(0, 1, 2, 3))).isCloseTo(0.6667, within(0.0001));
        // one right, one wrong: 0
        assertThat(Scoring.multiple(key, Set.of(0, 1))).isEqualTo(0.0);
        // only wrong: never negative
        assertThat(Scoring.multiple(key, Set.of(1, 4))).isEqualTo(0.0);
        // nothing chosen
        assertThat(Scoring.multiple(key, Set.of())).isEqualTo(0.0);
    }

    @Test
    void orderGivesTheShareOfPairsInTheRightRelativeOrder() {
        List<Integer> key = List.of(0, 1, 2, 3);
        assertThat(Scoring.order(key, List.of(0, 1, 2, 3))).isEqualTo(1.0);
        // last two swapped: 5 of 6 pairs right
        assertThat(Scoring.order(key, List.of(0, 1, 3, 2))).isCloseTo(5.0 / 6, within(1e-9));
        // first step moved to the end: pairs (0,1) (0,2) (0,3) wrong, (1,2) (1,3) (2,3) right: 3/6
        assertThat(Scoring.order(key, List.of(1, 2, 3, 0))).isEqualTo(0.5);
        // reversed: 0
        assertThat(Scoring.order(key, List.of(3, 2, 1, 0))).isEqualTo(0.0);
        // a key that is not the identity: key 2,0,1; given 0,2,1: pairs (2,0) wrong, (2,1) right, (0,1) right: 2/3
        assertThat(Scoring.order(List.of(2, 0, 1), List.of(0, 2, 1))).isCloseTo(2.0 / 3, within(1e-9));
        // incomplete: 0
        assertThat(Scoring.order(key, List.of(0, 1, 2))).isEqualTo(0.0);
    }

    @Test
    void aSkillScoreIsRoundedHalfUp() {
        // 1 + 0.5 + 5/6 + 1 = 3.3333 of 4 → 83.33 → 83
        assertThat(Scoring.skillScore(1 + 0.5 + 5.0 / 6 + 1, 4)).isEqualTo(83);
        // 2.5 of 4 → 62.5 → 63
        assertThat(Scoring.skillScore(2.5, 4)).isEqualTo(63);
        // 1 of 3 → 33.33 → 33
        assertThat(Scoring.skillScore(1, 3)).isEqualTo(33);
        assertThat(Scoring.skillScore(0, 3)).isEqualTo(0);
        assertThat(Scoring.skillScore(3, 3)).isEqualTo(100);
    }
}
