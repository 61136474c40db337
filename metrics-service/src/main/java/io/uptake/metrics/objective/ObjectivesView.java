package io.uptake.metrics.objective;

import java.time.OffsetDateTime;
import java.util.List;

/** The objectives of a business unit and job role, as one version: in force from {@code validFrom} until {@code validTo} (open when null). */
public record ObjectivesView(
        String businessUnit,
        String jobRole,
        long version,
        OffsetDateTime validFrom,
        OffsetDateTime validTo,
        String setBy,
        List<Expectation> expectations) {}
