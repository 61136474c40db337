package io.uptake.metrics.ingest;

import jakarta.ws.rs.ServiceUnavailableException;

/** Kafka did not confirm the batch: the client must send it again (repeats are harmless, ids deduplicate). */
public class EventsNotDurable extends ServiceUnavailableException {

    static final long RETRY_AFTER_SECONDS = 5;

    public EventsNotDurable(Throwable cause) {
        super("The events could not be made durable; send the batch again later", RETRY_AFTER_SECONDS, cause);
    }
}
