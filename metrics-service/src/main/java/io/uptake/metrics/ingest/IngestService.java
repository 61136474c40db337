package io.uptake.metrics.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.uptake.metrics.action.KnownActions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ServiceUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Validates a batch item by item, drops the events already known, and hands the rest to Kafka.
 * The answer is given only once Kafka has confirmed every accepted event.
 */
@ApplicationScoped
public class IngestService {

    /** How long the check for already-recorded ids may take; past it, the events go to Kafka anyway. */
    private static final Duration RECORDED_LOOKUP_TIMEOUT = Duration.ofMillis(500);

    private final KnownActions knownActions;
    private final UsageEventStore store;
    private final UsageEventPublisher publisher;
    private final EventRetention retention;
    private final Clock clock;

    public IngestService(
            KnownActions knownActions, UsageEventStore store, UsageEventPublisher publisher, EventRetention retention) {
        this.knownActions = knownActions;
        this.store = store;
        this.publisher = publisher;
        this.retention = retention;
        this.clock = Clock.systemUTC();
    }

    /** {@code mayBackfill}: whether the caller may send history older than the usual lateness (the ingest client). */
    public Uni<IngestReport> ingest(List<JsonNode> items, boolean mayBackfill) {
        return knownActions
                .codes()
                .onFailure()
                .transform(failure -> new ServiceUnavailableException(
                        "The action catalogue cannot be read; send the batch again later",
                        EventsNotDurable.RETRY_AFTER_SECONDS,
                        failure))
                .map(codes -> sort(items, new EventValidator(codes, clock, retention.days(), mayBackfill)))
                .flatMap(this::dropRecorded)
                .flatMap(sorted -> publisher
                        .publish(sorted.fresh())
                        .onFailure()
                        .transform(EventsNotDurable::new)
                        .map(sent -> new IngestReport(sorted.fresh().size(), sorted.duplicates(), sorted.rejected())));
    }

    /** A batch split into the events to send, how many repeat known ones, and the rejected items. */
    private record Sorted(List<UsageEvent> fresh, int duplicates, List<IngestReport.Rejected> rejected) {}

    private static Sorted sort(List<JsonNode> items, EventValidator validator) {
        List<UsageEvent> valid = new ArrayList<>(items.size());
        List<IngestReport.Rejected> rejected = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        int duplicates = 0;
        for (int index = 0; index < items.size(); index++) {
            EventValidator.Outcome outcome = validator.validate(items.get(index));
            if (!outcome.valid()) {
                rejected.add(new IngestReport.Rejected(index, outcome.eventId(), outcome.errors()));
            } else if (seen.add(outcome.event().eventId())) {
                valid.add(outcome.event());
            } else {
                duplicates++;
            }
        }
        return new Sorted(valid, duplicates, rejected);
    }

    private Uni<Sorted> dropRecorded(Sorted sorted) {
        if (sorted.fresh().isEmpty()) {
            return Uni.createFrom().item(sorted);
        }
        return store.recorded(sorted.fresh())
                .ifNoItem()
                .after(RECORDED_LOOKUP_TIMEOUT)
                .fail()
                .map(recorded -> {
                    List<UsageEvent> fresh = sorted.fresh().stream()
                            .filter(event -> !recorded.contains(event.eventId()))
                            .toList();
                    return new Sorted(fresh, sorted.duplicates() + recorded.size(), sorted.rejected());
                })
                .onFailure()
                .recoverWithItem(failure -> {
                    Log.debugf("Skipped the recorded-id check: %s", failure.getMessage());
                    return sorted;
                });
    }
}
