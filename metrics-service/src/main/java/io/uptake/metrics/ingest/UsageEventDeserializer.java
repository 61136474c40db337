package io.uptake.metrics.ingest;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads {@link UsageEvent} records from Kafka (JSON). */
public class UsageEventDeserializer extends ObjectMapperDeserializer<UsageEvent> {

    public UsageEventDeserializer() {
        super(UsageEvent.class);
    }
}
