package io.uptake.metrics.report;

import io.uptake.metrics.scorecard.ExpectationResult;
import io.uptake.metrics.usage.AdoptionBand;
import java.util.List;

/** Someone below their objectives: what they missed, how far short they are (100 - score), and how regularly they used the CRM. */
public record ShortfallRow(
        String userId,
        String businessUnit,
        String jobRole,
        String status,
        int score,
        AdoptionBand band,
        List<ExpectationResult> missed,
        int gap) {}
