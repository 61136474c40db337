package io.uptake.feedback.celebration;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.uptake.feedback.access.Anonymity;
import io.uptake.platform.api.Json;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands each new celebration to every client connected to the stream at that moment, on every
 * replica: the transaction that records a celebration announces it with PostgreSQL {@code NOTIFY},
 * which reaches every replica's {@code LISTEN} connection once the transaction commits. A replica
 * whose listening connection is down at that moment misses the live event (the feed has it).
 */
@ApplicationScoped
public class CelebrationBroadcaster {

    static final String CHANNEL = "uptake_celebrations";

    /**
     * A celebration as the stream sends it, written once for everyone: {@code revealed} for those who may see whose
     * idea it was, {@code anonymised} for the others ({@link CelebrationView#seenBy}). Thousands of streams then each
     * send a string instead of each writing the same JSON again.
     */
    public record Announced(CelebrationView celebration, String revealed, String anonymised) {

        /** The JSON this viewer is sent. */
        public String jsonFor(String viewer) {
            return Anonymity.revealed(celebration.anonymous(), celebration.submittedBy(), viewer)
                    ? revealed
                    : anonymised;
        }
    }

    private final BroadcastProcessor<Announced> processor = BroadcastProcessor.create();
    private final Json json;
    private final CelebrationStore celebrations;
    private final PgSubscriber subscriber;

    public CelebrationBroadcaster(
            Vertx vertx,
            Json json,
            CelebrationStore celebrations,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.json = json;
        this.celebrations = celebrations;
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(user)
                .setPassword(password);
        this.subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        subscriber.channel(CHANNEL).handler(this::received);
    }

    void start(@Observes StartupEvent started) {
        subscriber
                .connect()
                .onFailure()
                .invoke(failure -> Log.warnf("Cannot listen for celebrations yet, retrying: %s", failure.getMessage()))
                .onFailure()
                .retry()
                .withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(10))
                .indefinitely()
                .subscribe()
                .with(listening -> Log.debug("Listening for celebrations"));
    }

    void stop(@Observes ShutdownEvent stopping) {
        subscriber.closeAndForget();
    }

    /** Announces the celebration to every replica, in the transaction that recorded it. */
    public Uni<Void> announce(SqlConnection transaction, CelebrationView celebration) {
        return celebrations.notifyListeners(transaction, CHANNEL, json.write(celebration));
    }

    public Multi<Announced> stream() {
        return processor.onOverflow().drop();
    }

    private void received(String payload) {
        try {
            CelebrationView celebration = json.read(payload, CelebrationView.class);
            processor.onNext(new Announced(celebration, json.write(celebration), json.write(celebration.seenBy(null))));
        } catch (IllegalStateException unreadable) {
            Log.errorf("An announced celebration is not readable, skipped: %s", unreadable.getMessage());
        }
    }
}
