package io.uptake.platform.outbox;

import io.smallrye.reactive.messaging.MutinyEmitter;

/** The outbox channels of a service that publishes on one channel only (declare the subclass {@code @Singleton}: it has no no-args constructor for a proxy). */
public abstract class SingleChannel implements OutboxChannels {

    private final String name;
    private final MutinyEmitter<String> emitter;

    protected SingleChannel(String name, MutinyEmitter<String> emitter) {
        this.name = name;
        this.emitter = emitter;
    }

    @Override
    public MutinyEmitter<String> emitter(String channel) {
        return name.equals(channel) ? emitter : null;
    }
}
