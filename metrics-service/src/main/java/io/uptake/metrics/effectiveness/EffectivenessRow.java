package io.uptake.metrics.effectiveness;

/**
 * Training effectiveness for one group (a module, skill, business unit or mode): trainings whose effect is
 * known ({@code trainings}, by {@code peopleTrained} people), the share that improved, the median changes, the
 * share below their objectives before and meeting them after, and {@code pending}: trainings completed in the
 * range whose window after has not ended yet (not in the figures).
 */
public record EffectivenessRow(
        String group,
        String label,
        long peopleTrained,
        long trainings,
        long improved,
        double improvedShare,
        Double medianScoreChange,
        double medianActiveDaysPerWeekChange,
        long belowBefore,
        long meetingAfter,
        double meetingAfterShare,
        long belowToMeeting,
        long pending) {}
