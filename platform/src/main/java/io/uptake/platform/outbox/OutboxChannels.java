package io.uptake.platform.outbox;

import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Where a service's outbox rows go: the name in a row's {@code channel} column → the emitter of the
 * outgoing channel (and so the Kafka topic) it is published on. Each service has one such bean; its
 * emitters buffer {@link Outbox#EMITTER_BUFFER} records.
 */
public interface OutboxChannels {

    /** The emitter for this channel name, or null when the service publishes nothing under it. */
    MutinyEmitter<String> emitter(String channel);
}
