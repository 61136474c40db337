package io.uptake.metrics.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The conformity rule without a database: total variation distance to the organisation's mix of actions. */
class ConformityTest {

    private static Map<String, Map<String, Long>> mix(Object... unitsAndActions) {
        Map<String, Map<String, Long>> mix = new LinkedHashMap<>();
        for (int i = 0; i < unitsAndActions.length; i += 2) {
            @SuppressWarnings("unchecked")
            Map<String, Long> actions = (Map<String, Long>) unitsAndActions[i + 1];
            mix.put((String) unitsAndActions[i], actions);
        }
        return mix;
    }

    @Test
    void unitsWorkingAlikeDoNotDeviate() {
        List<ConformityRow> rows = Conformity.rows(
                mix("North", Map.of("call", 10L, "note", 10L), "South", Map.of("call", 5L, "note", 5L)), 0.2);
        assertThat(rows).extracting(ConformityRow::deviation).containsExactly(0.0, 0.0);
        assertThat(rows).noneMatch(ConformityRow::flagged);
        assertThat(rows).extracting(ConformityRow::businessUnit).containsExactly("North", "South");
    }

    @Test
    void theDistanceIsHalfTheSumOfTheShareDifferencesAndIsFlaggedAboveTheThreshold() {
        // organisation: 30 calls, 10 notes (0.75 / 0.25); North all calls, South half and half
        List<ConformityRow> rows =
                Conformity.rows(mix("North", Map.of("call", 20L), "South", Map.of("call", 10L, "note", 10L)), 0.2);
        assertThat(rows).extracting(ConformityRow::businessUnit).containsExactly("North", "South"); // a tie: by name
        ConformityRow north = rows.getFirst();
        assertThat(north.deviation()).isEqualTo(0.25); // (|1-0.75| + |0-0.25|) / 2
        assertThat(north.events()).isEqualTo(20);
        ConformityRow south = rows.get(1);
        assertThat(south.deviation()).isEqualTo(0.25); // (|0.5-0.75| + |0.5-0.25|) / 2
        assertThat(south.flagged()).isTrue();
        assertThat(Conformity.rows(mix("North", Map.of("call", 20L), "South", Map.of("call", 10L, "note", 10L)), 0.25))
                .noneMatch(ConformityRow::flagged);
    }

    @Test
    void theTopDeviationsAreTheActionsWhoseSharesDifferMost() {
        List<ConformityRow> rows = Conformity.rows(
                mix(
                        "Odd", Map.of("a", 1L, "b", 1L, "c", 1L, "d", 97L),
                        "Even", Map.of("a", 100L, "b", 50L, "c", 25L, "d", 25L)),
                0.2);
        ConformityRow odd = rows.stream()
                .filter(row -> row.businessUnit().equals("Odd"))
                .findFirst()
                .orElseThrow();
        assertThat(odd.topDeviations()).hasSize(Conformity.TOP_DEVIATIONS);
        assertThat(odd.topDeviations().getFirst().action()).isEqualTo("d");
        assertThat(odd.topDeviations())
                .extracting(ConformityRow.ActionShare::action)
                .doesNotHaveDuplicates();
    }

    @Test
    void anApprovedPracticeStaysVisibleButNoLongerFlagsTheUnit() {
        // organisation: 40 calls, 40 notes, 20 visits; Field: 20 visits, 10 calls, 10 notes
        Map<String, Map<String, Long>> mix = mix(
                "Office", Map.of("call", 30L, "note", 30L), "Field", Map.of("visit", 20L, "call", 10L, "note", 10L));
        ConformityRow before = row(Conformity.rows(mix, 0.2), "Field");
        assertThat(before.deviation()).isEqualTo(0.3); // (|0.5-0.2| + |0.25-0.4| + |0.25-0.4|) / 2
        assertThat(before.flagged()).isTrue();
        assertThat(before.approvedPractices()).isEmpty();

        ConformityRow approved = row(Conformity.rows(mix, 0.2, Map.of("Field", Set.of("visit"))), "Field");
        assertThat(approved.deviation()).isEqualTo(0.3); // still shown
        assertThat(approved.unapprovedDeviation()).isEqualTo(0.0); // calls and notes half and half in both
        assertThat(approved.flagged()).isFalse();
        assertThat(approved.approvedPractices()).containsExactly("visit");
        assertThat(approved.topDeviations())
                .filteredOn(ConformityRow.ActionShare::approved)
                .extracting(ConformityRow.ActionShare::action)
                .containsExactly("visit");
        // another unit's approval changes nothing here
        assertThat(row(Conformity.rows(mix, 0.2, Map.of("Office", Set.of("visit"))), "Field")
                        .flagged())
                .isTrue();
    }

    @Test
    void anActionsSharesOfTheUnitAndTheOrganisation() {
        Map<String, Map<String, Long>> mix =
                mix("Office", Map.of("call", 30L, "note", 30L), "Field", Map.of("visit", 20L, "call", 20L));
        ConformityRow.ActionShare visits = Conformity.share(mix, "Field", "visit");
        assertThat(visits.share()).isEqualTo(0.5);
        assertThat(visits.orgShare()).isEqualTo(0.2);
        assertThat(Conformity.share(mix, "Nowhere", "visit").share()).isEqualTo(0.0);
    }

    private static ConformityRow row(List<ConformityRow> rows, String unit) {
        return rows.stream()
                .filter(row -> row.businessUnit().equals(unit))
                .findFirst()
                .orElseThrow();
    }
}
