package io.uptake.metrics.shortfall;

import io.uptake.metrics.scorecard.ExpectationResult;
import java.time.LocalDate;
import java.util.List;

/** What {@code uptake.adoption-shortfalls} carries for one person and period (key userId). */
public record ShortfallNotice(
        String userId,
        String businessUnit,
        String jobRole,
        String period,
        LocalDate from,
        LocalDate to,
        String status,
        int score,
        int gap,
        List<ExpectationResult> missed) {}
