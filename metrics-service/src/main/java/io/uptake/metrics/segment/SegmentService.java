package io.uptake.metrics.segment;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.uptake.metrics.action.KnownActions;
import io.uptake.metrics.ingest.IngestService;
import io.uptake.metrics.mapping.EventMappingStore;
import io.uptake.metrics.mapping.KnownMappings;
import io.uptake.metrics.roster.RosterService;
import io.uptake.metrics.segment.SegmentTranslator.Translation;
import io.uptake.metrics.writekey.Sender;
import io.uptake.metrics.writekey.WriteKeyStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Segment-compatible tracking: messages translated into Uptake's own ingestion, which validates them, drops the ones
 * already recorded and answers once Kafka has the rest; the unmapped names are counted after that, so that a batch
 * Kafka did not take writes nothing.
 */
@ApplicationScoped
public class SegmentService {

    private final WriteKeyStore keys;
    private final EventMappingStore mappings;
    private final KnownMappings knownMappings;
    private final KnownActions actions;
    private final IngestService ingest;
    private final RosterService roster;

    public SegmentService(
            WriteKeyStore keys,
            EventMappingStore mappings,
            KnownMappings knownMappings,
            KnownActions actions,
            IngestService ingest,
            RosterService roster) {
        this.keys = keys;
        this.mappings = mappings;
        this.knownMappings = knownMappings;
        this.actions = actions;
        this.ingest = ingest;
        this.roster = roster;
    }

    /** The live write key, or null. */
    public Uni<Sender> authenticate(String key) {
        return keys.authenticate(key);
    }

    /** Whether a live key lists this web origin (a browser's preflight carries no key). */
    public Uni<Boolean> anyKeyAllows(String origin) {
        return keys.anyAllows(origin);
    }

    /**
     * {@code type}: the endpoint's, or null for a batch (each message names its own). The roster changes of
     * {@code identify} calls are saved first, so that the events of a person a batch introduces count for them.
     */
    public Uni<SegmentReport> accept(Sender sender, List<JsonNode> messages, String type, JsonNode batchSentAt) {
        return Uni.combine()
                .all()
                .unis(knownMappings.all(), actions.codes())
                .asTuple()
                .map(known -> sort(
                        new SegmentTranslator(sender, known.getItem1(), known.getItem2(), Instant.now()),
                        messages,
                        type,
                        batchSentAt))
                .flatMap(sorted -> identify(sorted)
                        .flatMap(identified -> publish(sorted, identified))
                        .call(report -> mappings.countUnmapped(sorted.unmapped()))
                        .call(report -> ingest.keepUnmapped(sorted.pending())));
    }

    /** Saves the identify calls' roster changes; rejects the invalid ones, naming the trait. */
    private Uni<Integer> identify(Sorted sorted) {
        List<Translation.Identify> calls = sorted.identifies();
        return roster.patch(calls.stream()
                        .map(call -> new RosterService.Patch(call.userId(), call.fields()))
                        .toList())
                .map(outcomes -> {
                    int saved = 0;
                    for (int i = 0; i < outcomes.size(); i++) {
                        RosterService.Patched outcome = outcomes.get(i);
                        if (outcome.errors().isEmpty()) {
                            saved++;
                            continue;
                        }
                        Map<String, String> traitOf = calls.get(i).traitOf();
                        sorted.rejected()
                                .add(new SegmentReport.Rejected(
                                        sorted.identifyPositions().get(i),
                                        outcome.errors().stream()
                                                .map(error -> traitOf.getOrDefault(error.field(), error.field()) + ": "
                                                        + error.message()
                                                        + (error.message().equals("is required")
                                                                ? " for a person not yet on the roster"
                                                                : ""))
                                                .toList()));
                    }
                    return saved;
                });
    }

    private Uni<SegmentReport> publish(Sorted sorted, int identified) {
        if (sorted.items().isEmpty()) {
            return Uni.createFrom().item(sorted.report(0, 0, identified, List.of()));
        }
        return ingest.ingest(sorted.items(), false)
                .map(report -> sorted.report(
                        report.accepted(),
                        report.duplicates(),
                        identified,
                        report.rejected().stream()
                                .map(rejected -> new SegmentReport.Rejected(
                                        sorted.positions().get(rejected.index()), rejected.errors()))
                                .toList()));
    }

    /**
     * The batch split by what became of each message; {@code positions}: each item's place in the batch, and
     * {@code identifyPositions} each identify call's.
     */
    private record Sorted(
            List<JsonNode> items,
            List<Integer> positions,
            List<Translation.Identify> identifies,
            List<Integer> identifyPositions,
            Map<String, Long> unmapped,
            List<IngestService.Unmapped> pending,
            List<SegmentReport.Rejected> rejected) {

        SegmentReport report(
                int accepted, int duplicates, int identified, List<SegmentReport.Rejected> rejectedByIngestion) {
            List<SegmentReport.Rejected> all = new ArrayList<>(rejected);
            all.addAll(rejectedByIngestion);
            all.sort(Comparator.comparingInt(SegmentReport.Rejected::index));
            int unmappedEvents =
                    (int) unmapped.values().stream().mapToLong(Long::longValue).sum();
            return new SegmentReport(true, accepted, duplicates, unmappedEvents, identified, List.copyOf(all));
        }
    }

    private static Sorted sort(SegmentTranslator translator, List<JsonNode> messages, String type, JsonNode sentAt) {
        Sorted sorted = new Sorted(
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new HashMap<>(),
                new ArrayList<>(),
                new ArrayList<>());
        for (int index = 0; index < messages.size(); index++) {
            switch (translator.translate(messages.get(index), type, sentAt)) {
                case Translation.Item item -> {
                    sorted.items().add(item.item());
                    sorted.positions().add(index);
                }
                case Translation.Identify identify -> {
                    sorted.identifies().add(identify);
                    sorted.identifyPositions().add(index);
                }
                case Translation.Unmapped name -> {
                    sorted.unmapped().merge(name.name(), 1L, Long::sum);
                    if (name.pending() != null) {
                        sorted.pending().add(new IngestService.Unmapped(name.name(), name.pending()));
                    }
                }
                case Translation.Rejected failed ->
                    sorted.rejected().add(new SegmentReport.Rejected(index, failed.errors()));
                case Translation.Ignored ignored -> {}
            }
        }
        return sorted;
    }
}
