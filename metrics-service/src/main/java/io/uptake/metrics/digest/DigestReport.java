package io.uptake.metrics.digest;

import java.time.LocalDate;

/** What a publication of a week's digests did: how many went out now, and how many had gone out before. */
public record DigestReport(LocalDate weekStart, LocalDate weekEnd, int published, int alreadyPublished) {}
