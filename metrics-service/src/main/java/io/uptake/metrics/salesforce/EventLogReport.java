package io.uptake.metrics.salesforce;

import java.util.List;

/**
 * What an EventLogFile import did: its lines (the header not counted), events accepted (in Kafka), duplicates
 * (imported before), unmapped lines (kept by name for the CRM team to map, or naming no roster entry), and the
 * rejected lines with what is wrong with each (the first {@value EventLogImport#MAX_LISTED} listed; {@code rejectedLines}
 * counts them all).
 */
public record EventLogReport(
        int lines, int accepted, int duplicates, int unmapped, int rejectedLines, List<RejectedLine> rejected) {

    /** {@code line}: the file's own line number, the header being line 1. */
    public record RejectedLine(int line, List<String> errors) {}
}
