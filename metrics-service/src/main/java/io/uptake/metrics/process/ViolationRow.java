package io.uptake.metrics.process;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A rule's result over a period for a business unit, or one person of it ({@code userId} null when grouped by
 * unit, and so is its {@code displayName}, the person's name on the roster now): how many of the rule's actions were checked, how many broke the order, and the share that did.
 */
public record ViolationRow(
        LocalDate periodStart,
        LocalDate periodEnd,
        UUID ruleId,
        String rule,
        String businessUnit,
        String userId,
        String displayName,
        long checked,
        long violations,
        double violationShare) {}
