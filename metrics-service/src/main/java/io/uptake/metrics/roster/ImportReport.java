package io.uptake.metrics.roster;

import java.util.List;

/** What an import did: people created, updated, already as sent, and each rejected row (1-based, header excluded). */
public record ImportReport(int created, int updated, int unchanged, List<RejectedRow> rejected) {

    public record RejectedRow(int row, String userId, List<String> errors) {}
}
