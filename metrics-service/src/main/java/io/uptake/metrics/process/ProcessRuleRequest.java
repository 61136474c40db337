package io.uptake.metrics.process;

/** A new rule of order as sent. */
public record ProcessRuleRequest(
        String name, String businessUnit, String firstAction, String thenAction, Integer withinDays) {}
