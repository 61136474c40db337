package io.uptake.metrics.process;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A rule of order: every {@code thenAction} on an object must follow a {@code firstAction} on the same object
 * within {@code withinDays} days before it; for one business unit's people, or everyone's ({@code businessUnit} null).
 */
public record ProcessRule(
        UUID id,
        String name,
        String businessUnit,
        String firstAction,
        String thenAction,
        int withinDays,
        String createdBy,
        OffsetDateTime createdAt) {}
