package io.uptake.metrics.practice;

import java.time.OffsetDateTime;

/** A unit's own way with an action, approved as a productive local practice, and why. */
public record ApprovedPractice(
        String businessUnit, String action, String reason, String approvedBy, OffsetDateTime approvedAt) {}
