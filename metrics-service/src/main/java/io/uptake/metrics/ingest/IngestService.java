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

    static final int RECOUNT_BATCH = 5_000;

    private final KnownActions knownActions;
    private final UsageEventStore store;
    private final UsageEventPublisher publisher;
    private final EventRetention retention;
    private final UnmappedOccurrenceStore unmapped;
    private final Clock clock;

    public IngestService(
            KnownActions knownActions,
            UsageEventStore store,
            UsageEventPublisher publisher,
            EventRetention retention,
            UnmappedOccurrenceStore unmapped) {
        this.knownActions = knownActions;
        this.store = store;
        this.publisher = publisher;
        this.retention = retention;
        this.unmapped = unmapped;
        this.clock = Clock.systemUTC();
    }

    /** An item that arrived under a name no mapping names yet, its action the name. */
    public record Unmapped(String name, JsonNode item) {}

    /**
     * Keeps the items that arrived unmapped, as they would have counted (judged as the events they would have been:
     * the sender's clock skew corrected, an invalid one left out), so that mapping their name later may count them.
     */
    public Uni<Void> keepUnmapped(List<Unmapped> items) {
        List<String> names = new ArrayList<>(items.size());
        List<UsageEvent> events = new ArrayList<>(items.size());
        // each item's action is its own name: the batch's names are the actions it may have
        Set<String> itemNames = new HashSet<>();
        items.forEach(item -> itemNames.add(item.name()));
        EventValidator validator = new EventValidator(itemNames, clock, retention.days(), false);
        for (Unmapped item : items) {
            EventValidator.Outcome outcome = validator.validate(item.item());
            if (outcome.valid()) {
                names.add(item.name());
                events.add(outcome.event());
            }
        }
        return unmapped.keep(names, events);
    }

    /**
     * Counts the events kept under the name as the action, {@value #RECOUNT_BATCH} at a time: each batch is in Kafka
     * before it is forgotten (a crash between the two sends it again, and the rollups count an event id once).
     * Returns how many were sent.
     */
    public Uni<Integer> recount(String name, String action) {
        return unmapped.next(name, action, RECOUNT_BATCH)
                .flatMap(events -> events.isEmpty()
                        ? Uni.createFrom().item(0)
                        : publisher
                                .publish(events)
                                .onFailure()
                                .transform(EventsNotDurable::new)
                                .call(sent -> unmapped.forget(name, events))
                                .flatMap(sent -> recount(name, action))
                                .map(more -> events.size() + more));
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
