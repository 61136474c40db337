package io.uptake.metrics.report;

import java.util.List;

/**
 * One page of the shortfall list: at most {@code size} rows, how many there are in all, and {@code next},
 * the cursor to pass as {@code after=} for the page after this one (null on the last page).
 */
public record ShortfallPage(List<ShortfallRow> items, int size, long total, String next) {}
