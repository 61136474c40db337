package io.uptake.metrics.ingest;

import java.util.List;

/** The answer to a batch: how many events were accepted, how many were already known, and each rejected item. */
public record IngestReport(int accepted, int duplicates, List<Rejected> rejected) {

    /** An item that was not accepted: its position in the batch, its id if it had one, and why. */
    public record Rejected(int index, String eventId, List<String> errors) {}
}
