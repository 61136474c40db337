package io.uptake.metrics.outbox;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.uptake.platform.outbox.Outbox;
import io.uptake.platform.outbox.OutboxChannels;
import jakarta.inject.Singleton;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** What metrics-service publishes through its outbox: people changes ({@code uptake.people}), shortfalls ({@code uptake.adoption-shortfalls}) training agreed in follow-ups ({@code uptake.follow-up-actions}) and weekly digests ({@code uptake.digests}). */
@Singleton // no client proxy: it only hands out emitters
public class MetricsChannels implements OutboxChannels {

    /** Channel names as written in the outbox table. */
    public static final String PEOPLE = "people";

    public static final String SHORTFALLS = "shortfalls";

    public static final String FOLLOW_UP_ACTIONS = "follow-up-actions";

    public static final String DIGESTS = "digests";

    private final Map<String, MutinyEmitter<String>> emitters;

    public MetricsChannels(
            @Channel("people-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = Outbox.EMITTER_BUFFER)
                    MutinyEmitter<String> people,
            @Channel("shortfalls-out")
                    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = Outbox.EMITTER_BUFFER)
                    MutinyEmitter<String> shortfalls,
            @Channel("follow-up-actions-out")
                    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = Outbox.EMITTER_BUFFER)
                    MutinyEmitter<String> followUpActions,
            @Channel("digests-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = Outbox.EMITTER_BUFFER)
                    MutinyEmitter<String> digests) {
        this.emitters =
                Map.of(PEOPLE, people, SHORTFALLS, shortfalls, FOLLOW_UP_ACTIONS, followUpActions, DIGESTS, digests);
    }

    @Override
    public MutinyEmitter<String> emitter(String channel) {
        return emitters.get(channel);
    }
}
