package io.uptake.metrics.shortfall;

import java.time.LocalDate;

/** What one publication did: people newly published for the period, and those published for it before. */
public record PublishReport(String period, LocalDate from, LocalDate to, int published, int alreadyPublished) {}
