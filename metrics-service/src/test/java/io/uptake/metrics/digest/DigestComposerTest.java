package io.uptake.metrics.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.metrics.scorecard.ScorecardView;
import io.uptake.metrics.shortfall.Period;
import io.uptake.metrics.usage.AdoptionBand;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What the digests say, without a database. */
class DigestComposerTest {

    private static final Period WEEK = new Period(Period.WEEK, LocalDate.parse("2026-11-23"));

    private static ScorecardView card(String user, ScorecardView.Status status, long activeDays, Integer score) {
        return new ScorecardView(
                user,
                "Sales",
                "rep",
                WEEK.start(),
                WEEK.end(),
                score,
                status,
                AdoptionBand.WEEKLY,
                1L,
                activeDays,
                List.of());
    }

    @Test
    void aManagerSeesTheWeekAgainstTheWeekBeforeAndOnlyNewShortfalls() {
        List<ScorecardView> thisWeek = List.of(
                card("ann", ScorecardView.Status.MEETING, 4, 100),
                card("bob", ScorecardView.Status.BELOW, 1, 50),
                card("cy", ScorecardView.Status.INACTIVE, 0, 0));
        List<ScorecardView> lastWeek = List.of(
                card("ann", ScorecardView.Status.MEETING, 3, 100),
                card("bob", ScorecardView.Status.MEETING, 3, 100),
                card("cy", ScorecardView.Status.INACTIVE, 0, 0));
        Digest digest = DigestComposer.manager("mia", "Sales", WEEK, thisWeek, lastWeek, List.of("cy"));
        assertThat(digest.role()).isEqualTo(Digest.MANAGER);
        assertThat(digest.weekEnd()).isEqualTo(LocalDate.parse("2026-11-29"));
        assertThat(digest.manager().activePeople()).isEqualTo(2);
        assertThat(digest.manager().meetingObjectives()).isEqualTo(0.333);
        assertThat(digest.manager().meetingObjectivesLastWeek()).isEqualTo(0.667);
        assertThat(digest.manager().shortfallPeople()).containsExactly("bob"); // cy was inactive before too
        assertThat(digest.text()).isEqualTo("""
                        Week 2026-11-23 to 2026-11-29, Sales
                        Active people: 2 of 3 (the week before: 2)
                        Meeting their objectives: 33 % (the week before: 67 %)
                        New shortfalls: 1 (bob)
                        Overdue training: 1 (cy)""");
    }

    @Test
    void longListsNameTwentyAndCountTheRest() {
        List<String> overdue =
                IntStream.range(0, 25).mapToObj(i -> "p%02d".formatted(i)).toList();
        Digest digest = DigestComposer.manager("mia", "Sales", WEEK, List.of(), List.of(), overdue);
        assertThat(digest.manager().overdueTrainingPeople()).hasSize(Digest.NAMED);
        assertThat(digest.manager().overdueTraining()).isEqualTo(25);
        assertThat(digest.text()).endsWith("p19, and 5 more)");
        assertThat(digest.manager().meetingObjectives()).isZero();
    }

    @Test
    void anEmployeeSeesTheirOwnWeek() {
        Digest digest = DigestComposer.employee(
                WEEK,
                card("bob", ScorecardView.Status.BELOW, 1, 50),
                card("bob", ScorecardView.Status.MEETING, 3, 100));
        assertThat(digest.recipient()).isEqualTo("bob");
        assertThat(digest.employee().activeDaysLastWeek()).isEqualTo(3);
        assertThat(digest.text()).isEqualTo("""
                        Your week 2026-11-23 to 2026-11-29
                        Active on 1 day (the week before: 3)
                        Score against your objectives: 50 (the week before: 100), BELOW""");
        Digest newcomer = DigestComposer.employee(WEEK, card("cy", ScorecardView.Status.NO_OBJECTIVES, 2, null), null);
        assertThat(newcomer.employee().scoreLastWeek()).isNull();
        assertThat(newcomer.text()).endsWith("No objectives for your unit and role this week");
    }
}
