package io.uptake.metrics.report;

/**
 * Adoption of one group (a business unit or a job role) over a range: people on the roster, people
 * with any use, average daily actives, actives of the range's last 7 and 30 days, stickiness
 * (dau / mau), the share of people meeting their objectives (people without objectives in force never
 * count as meeting), and how many people are in each adoption band.
 */
public record AdoptionRow(
        String group,
        long people,
        long activePeople,
        double dau,
        long wau,
        long mau,
        double stickiness,
        double meetingObjectives,
        long daily,
        long weekly,
        long occasional,
        long dormant) {}
