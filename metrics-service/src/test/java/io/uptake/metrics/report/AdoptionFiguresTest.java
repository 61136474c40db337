package io.uptake.metrics.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.usage.AdoptionBand;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A period's adoption rows folded from its parts, shared or not, without a database. */
class AdoptionFiguresTest {

    private static final DateRange WEEK = new DateRange(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 11));

    @Test
    void everyOccurrenceOfAPartCountsOnceWhetherItIsSharedOrAnEqualCopy() {
        AdoptionFigures.Part daily = new AdoptionFigures.Part("Sales", 7, true, true, true, AdoptionBand.DAILY);
        AdoptionFigures.Part dormant = new AdoptionFigures.Part("Sales", 0, false, false, false, AdoptionBand.DORMANT);
        List<AdoptionFigures.Part> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            members.add(daily); // the same object three times, as a snapshot keeps equal parts
        }
        members.add(new AdoptionFigures.Part("Sales", 7, true, true, true, AdoptionBand.DAILY)); // an equal copy
        members.add(dormant);
        members.add(new AdoptionFigures.Part("Support", 2, false, true, false, AdoptionBand.OCCASIONAL));

        List<AdoptionRow> rows = AdoptionFigures.rows(members, WEEK);

        assertThat(rows).extracting(AdoptionRow::group).containsExactly("Sales", "Support");
        AdoptionRow sales = rows.getFirst();
        assertThat(sales.people()).isEqualTo(5);
        assertThat(sales.activePeople()).isEqualTo(4);
        assertThat(sales.dau()).isEqualTo(4.0); // 28 person-days over 7 days
        assertThat(sales.wau()).isEqualTo(4);
        assertThat(sales.mau()).isEqualTo(4);
        assertThat(sales.stickiness()).isEqualTo(1.0);
        assertThat(sales.meetingObjectives()).isEqualTo(0.8);
        assertThat(sales.daily()).isEqualTo(4);
        assertThat(sales.dormant()).isEqualTo(1);
        AdoptionRow support = rows.get(1);
        assertThat(support.people()).isEqualTo(1);
        assertThat(support.dau()).isEqualTo(0.286);
        assertThat(support.occasional()).isEqualTo(1);
        assertThat(support.meetingObjectives()).isZero();
    }

    @Test
    void noPartsNoRows() {
        assertThat(AdoptionFigures.rows(List.of(), WEEK)).isEmpty();
    }
}
