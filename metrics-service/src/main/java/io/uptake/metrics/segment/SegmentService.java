package io.uptake.metrics.segment;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.uptake.metrics.action.KnownActions;
import io.uptake.metrics.ingest.IngestService;
import io.uptake.metrics.mapping.EventMappingStore;
import io.uptake.metrics.segment.SegmentTranslator.Translation;
import io.uptake.metrics.writekey.WriteKeyStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Segment-compatible tracking: messages translated into Uptake's own ingestion, which validates them, drops the ones
 * already recorded and answers once Kafka has the rest; the unmapped names are counted after that, so that a batch
 * Kafka did not take writes nothing.
 */
@ApplicationScoped
public class SegmentService {

    private final WriteKeyStore keys;
    private final EventMappingStore mappings;
    private final KnownActions actions;
    private final IngestService ingest;

    public SegmentService(WriteKeyStore keys, EventMappingStore mappings, KnownActions actions, IngestService ingest) {
        this.keys = keys;
        this.mappings = mappings;
        this.actions = actions;
        this.ingest = ingest;
    }

    /** The id of the live write key, or null. */
    public Uni<UUID> authenticate(String key) {
        return keys.authenticate(key);
    }

    /** {@code type}: the endpoint's, or null for a batch (each message names its own). */
    public Uni<SegmentReport> accept(UUID key, List<JsonNode> messages, String type, JsonNode batchSentAt) {
        return Uni.combine()
                .all()
                .unis(mappings.all(), actions.codes())
                .asTuple()
                .map(known -> sort(
                        new SegmentTranslator(key, known.getItem1(), known.getItem2(), Instant.now()),
                        messages,
                        type,
                        batchSentAt))
                .flatMap(sorted -> publish(sorted).call(report -> mappings.countUnmapped(sorted.unmapped())));
    }

    private Uni<SegmentReport> publish(Sorted sorted) {
        if (sorted.items().isEmpty()) {
            return Uni.createFrom().item(sorted.report(0, 0, List.of()));
        }
        return ingest.ingest(sorted.items(), false)
                .map(report -> sorted.report(
                        report.accepted(),
                        report.duplicates(),
                        report.rejected().stream()
                                .map(rejected -> new SegmentReport.Rejected(
                                        sorted.positions().get(rejected.index()), rejected.errors()))
                                .toList()));
    }

    /** The batch split by what became of each message; {@code positions}: each item's place in the batch. */
    private record Sorted(
            List<JsonNode> items,
            List<Integer> positions,
            Map<String, Long> unmapped,
            List<SegmentReport.Rejected> rejected) {

        SegmentReport report(int accepted, int duplicates, List<SegmentReport.Rejected> rejectedByIngestion) {
            List<SegmentReport.Rejected> all = new ArrayList<>(rejected);
            all.addAll(rejectedByIngestion);
            all.sort(Comparator.comparingInt(SegmentReport.Rejected::index));
            int unmappedEvents =
                    (int) unmapped.values().stream().mapToLong(Long::longValue).sum();
            return new SegmentReport(true, accepted, duplicates, unmappedEvents, List.copyOf(all));
        }
    }

    private static Sorted sort(SegmentTranslator translator, List<JsonNode> messages, String type, JsonNode sentAt) {
        List<JsonNode> items = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        Map<String, Long> unmapped = new HashMap<>();
        List<SegmentReport.Rejected> rejected = new ArrayList<>();
        for (int index = 0; index < messages.size(); index++) {
            switch (translator.translate(messages.get(index), type, sentAt)) {
                case Translation.Item item -> {
                    items.add(item.item());
                    positions.add(index);
                }
                case Translation.Unmapped name -> unmapped.merge(name.name(), 1L, Long::sum);
                case Translation.Rejected failed -> rejected.add(new SegmentReport.Rejected(index, failed.errors()));
                case Translation.Ignored ignored -> {}
            }
        }
        return new Sorted(items, positions, unmapped, rejected);
    }
}
