package io.uptake.metrics.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.roster.Memberships;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The positions a snapshot keeps its per-person values at, and the view of one period's parts, without a database. */
class TeamIndexTest {

    private static final OffsetDateTime START = OffsetDateTime.parse("2026-01-01T00:00:00Z");
    private static final Memberships.Entry ANA = person("ana", "Sales");
    private static final Memberships.Entry BEN = person("ben", "Sales");
    private static final Memberships.Entry CY = person("cy", "Support");

    private static Memberships.Entry person(String userId, String unit) {
        return new Memberships.Entry(userId, unit, "rep", true, START, null);
    }

    @Test
    void everyoneOfAnyPeriodHasOnePositionInUserIdOrder() {
        TeamIndex team = TeamIndex.of(List.of(List.of(BEN, CY), List.of(ANA, CY)));

        assertThat(team.size()).isEqualTo(3);
        assertThat(team.indexOf("ana")).isZero();
        assertThat(team.indexOf("ben")).isEqualTo(1);
        assertThat(team.indexOf("cy")).isEqualTo(2);
        assertThat(team.userId(2)).isEqualTo("cy");
        assertThat(team.indexOf("dora")).isEqualTo(-1);
    }

    @Test
    void aPeriodWithTheSamePeopleSharesThePreviousArrayAndAChangedOneDoesNot() {
        TeamIndex team = TeamIndex.of(List.of(List.of(ANA, BEN), List.of(ANA, BEN), List.of(ANA)));

        Memberships.Entry[] first = team.place(List.of(ANA, BEN), null);
        Memberships.Entry[] second = team.place(List.of(ANA, BEN), first);
        Memberships.Entry[] third = team.place(List.of(ANA), second);
        Memberships.Entry[] moved = team.place(List.of(ANA, person("ben", "Support")), second);

        assertThat(first).containsExactly(ANA, BEN);
        assertThat(second).isSameAs(first);
        assertThat(third).isNotSameAs(second).containsExactly(ANA, null);
        assertThat(moved).isNotSameAs(second);
        assertThat(moved[1].businessUnit()).isEqualTo("Support");
    }

    @Test
    void anIndexGrownByNewPeopleKeepsEveryoneElseInOrderAndSaysWhereTheyMoved() {
        TeamIndex team = TeamIndex.of(List.of(List.of(BEN, CY)));

        TeamIndex grown = team.with(List.of("ana", "cy"));

        assertThat(team.with(List.of("ben"))).as("nobody new").isSameAs(team);
        assertThat(grown.size()).isEqualTo(3);
        assertThat(grown.indexOf("ana")).isZero();
        assertThat(team.positionsIn(grown)).containsExactly(1, 2);
    }

    @Test
    void thePeopleOfTheTeamsWhoseObjectivesChangedAreFoundInAnyPeriod() {
        Memberships.Entry lead = new Memberships.Entry("dora", "Sales", "lead", true, START, null);
        TeamIndex team = TeamIndex.of(List.of(List.of(ANA, BEN, CY), List.of(ANA, lead)));
        ScoredPeriods<Object> scored = new ScoredPeriods<>(
                List.of(
                        new DateRange(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 11)),
                        new DateRange(LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 18))),
                null,
                List.of(),
                List.of(START, START),
                team,
                List.of(team.place(List.of(ANA, BEN, CY), null), team.place(List.of(ANA, lead), null)),
                List.of(Map.of(), Map.of()),
                Set.of(),
                List.of(new Object[team.size()], new Object[team.size()]));

        assertThat(scored.peopleIn(Set.of(ObjectivesInForce.team("Sales", "rep"))))
                .containsExactlyInAnyOrder("ana", "ben");
        assertThat(scored.peopleIn(Set.of(ObjectivesInForce.team("Sales", "lead"))))
                .containsExactly("dora");
        assertThat(scored.peopleIn(Set.of(ObjectivesInForce.team("Support", "lead"))))
                .isEmpty();
        assertThat(ObjectivesInForce.businessUnitOf(ObjectivesInForce.team("Sales EMEA", "rep")))
                .isEqualTo("Sales EMEA");
    }

    @Test
    void aPeriodsPartsAreItsNonEmptySlotsInTheTeamsOrder() {
        assertThat(ScoredPeriods.<String>present(new Object[] {null, "ben", null, "dora", null}))
                .containsExactly("ben", "dora");
        assertThat(ScoredPeriods.<String>present(new Object[] {null, null})).isEmpty();
        assertThat(ScoredPeriods.<String>present(new Object[0])).isEmpty();
    }
}
