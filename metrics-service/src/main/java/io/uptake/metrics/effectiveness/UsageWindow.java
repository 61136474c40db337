package io.uptake.metrics.effectiveness;

import java.time.LocalDate;
import java.util.Map;

/**
 * A person's use of the CRM over a window of whole weeks: active days and each action their objectives name,
 * per week, and their score and status against those objectives ({@code score} null without objectives).
 */
public record UsageWindow(
        LocalDate from,
        LocalDate to,
        double activeDaysPerWeek,
        Map<String, Double> actionsPerWeek,
        Integer score,
        String status) {}
