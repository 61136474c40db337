package io.uptake.metrics.ingest;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Applies usage events from Kafka to PostgreSQL in batches. The batch is acknowledged (its offsets
 * committed) only after the database has it; until then a failing database is retried with back-off,
 * which also holds back the partition. Kafka may deliver a batch again after a crash: the store
 * deduplicates by event id, so every event counts exactly once.
 */
@ApplicationScoped
public class UsageEventConsumer {

    private final UsageEventStore store;
    private final EventRetention retention;

    public UsageEventConsumer(UsageEventStore store, EventRetention retention) {
        this.store = store;
        this.retention = retention;
    }

    @Incoming("usage-events-in")
    public Uni<Void> apply(List<List<UsageEvent>> records) {
        List<UsageEvent> events = records.stream().filter(Objects::nonNull).flatMap(List::stream).filter(Objects::nonNull).toList();
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> store.apply(events, retention.oldestDay()))
                .onFailure().invoke(failure -> Log.warnf("Could not apply %d usage events, retrying: %s", events.size(), failure.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely()
                .replaceWithVoid();
    }
}
