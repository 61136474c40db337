package io.uptake.metrics.scorecard;

/** One expectation over the scorecard's range: how much was expected, how much was done. */
public record ExpectationResult(String metric, String period, long expected, long actual, boolean met) {}
