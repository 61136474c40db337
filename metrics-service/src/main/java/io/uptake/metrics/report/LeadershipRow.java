package io.uptake.metrics.report;

/** An executive's own use: days active, workdays in the range, and the share of workdays they used the CRM. */
public record LeadershipRow(
        String userId, String displayName, String businessUnit, long activeDays, long workdays, double dailyUse) {}
