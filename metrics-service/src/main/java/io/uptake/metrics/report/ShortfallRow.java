package io.uptake.metrics.report;

import io.uptake.metrics.scorecard.ExpectationResult;
import java.util.List;

/** Someone below their objectives: what they missed, and how far short they are (100 - score). */
public record ShortfallRow(String userId, String businessUnit, String jobRole, String status, int score, List<ExpectationResult> missed,
        int gap) {
}
