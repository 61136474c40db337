package io.uptake.metrics.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Issue 27, low 8: a report's parameters are compared as values, so "all units" is never a unit's name. */
class ReportCacheKeyTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Test
    void allUnitsAndAUnitNamedNullAreDifferentReports() {
        assertThat(ReportCache.key("shortfalls", DAY, null)).isNotEqualTo(ReportCache.key("shortfalls", DAY, "null"));
    }

    @Test
    void theSameParametersAreTheSameReport() {
        assertThat(ReportCache.key("adoption", DAY, "businessUnit", "Sales EMEA"))
                .isEqualTo(ReportCache.key("adoption", DAY, "businessUnit", "Sales EMEA"))
                .isNotEqualTo(ReportCache.key("adoption", DAY, "businessUnit", "Sales APAC"))
                .isNotEqualTo(ReportCache.key("trend", DAY, "businessUnit", "Sales EMEA"));
    }

    @Test
    void aSeparatorInsideAParameterCannotJoinTwoParameters() {
        assertThat(ReportCache.key("team", "a\u0000b", "c")).isNotEqualTo(ReportCache.key("team", "a", "b\u0000c"));
    }
}
