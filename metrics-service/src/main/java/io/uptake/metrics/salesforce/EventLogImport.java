package io.uptake.metrics.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.uptake.metrics.action.KnownActions;
import io.uptake.metrics.ingest.IngestReport;
import io.uptake.metrics.ingest.IngestService;
import io.uptake.metrics.mapping.EventMappingStore;
import io.uptake.metrics.mapping.KnownMappings;
import io.uptake.metrics.roster.CsvReader;
import io.uptake.metrics.roster.RosterService;
import io.uptake.platform.api.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Imports a Salesforce EventLogFile as it streams in: lines are judged one by one and sent to Uptake's own ingestion
 * {@value #CHUNK} at a time, the next chunk read while the last is on its way to Kafka, so that memory stays flat
 * however large the file. Runs on a worker thread (it reads a
 * blocking stream and waits for each chunk's acknowledgement). Each chunk in Kafka stays there if a later line breaks
 * the file; importing the file again counts nothing twice.
 */
@ApplicationScoped
public class EventLogImport {

    static final int CHUNK = 5_000;
    /** Chunks on their way to Kafka at once, while the next is read. */
    static final int IN_FLIGHT = 4;

    static final int MAX_LISTED = 1_000;

    private final IngestService ingest;
    private final EventMappingStore mappings;
    private final KnownMappings knownMappings;
    private final KnownActions actions;
    private final RosterService roster;

    public EventLogImport(
            IngestService ingest,
            EventMappingStore mappings,
            KnownMappings knownMappings,
            KnownActions actions,
            RosterService roster) {
        this.ingest = ingest;
        this.mappings = mappings;
        this.knownMappings = knownMappings;
        this.actions = actions;
        this.roster = roster;
    }

    EventLogReport run(InputStream csv) {
        var known = Uni.combine()
                .all()
                .unis(knownMappings.all(), actions.codes(), roster.salesforceIds())
                .asTuple()
                .await()
                .indefinitely();
        Tally tally = new Tally();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8), 1 << 16)) {
            CsvReader reader = new CsvReader(in);
            List<String> header = reader.next();
            if (header == null) {
                throw new InvalidInput(
                        "body", "is empty: send the EventLogFile as Salesforce serves it, header row first");
            }
            EventLogTranslator translator =
                    new EventLogTranslator(header, known.getItem3(), known.getItem1(), known.getItem2());
            List<JsonNode> items = new ArrayList<>(CHUNK);
            List<Integer> lines = new ArrayList<>(CHUNK);
            for (List<String> fields = reader.next(); fields != null; fields = reader.next()) {
                switch (translator.translate(fields)) {
                    case EventLogTranslator.Line.Item item -> {
                        items.add(item.item());
                        lines.add(reader.recordLine());
                    }
                    case EventLogTranslator.Line.Unmapped name -> {
                        tally.unmapped.merge(name.name(), 1L, Long::sum);
                        if (name.pending() != null) {
                            tally.pending.add(new IngestService.Unmapped(name.name(), name.pending()));
                            if (tally.pending.size() == CHUNK) {
                                keepPending(tally);
                            }
                        }
                    }
                    case EventLogTranslator.Line.Rejected rejected ->
                        tally.reject(reader.recordLine(), rejected.errors());
                    case EventLogTranslator.Line.Blank blank -> {
                        continue;
                    }
                }
                tally.lines++;
                if (items.size() == CHUNK) {
                    send(items, lines, tally);
                }
            }
            send(items, lines, tally);
            while (!tally.inFlight.isEmpty()) {
                tally.settleOldest();
            }
        } catch (IOException e) {
            throw new InvalidInput("body", "could not be read to the end: " + e.getMessage());
        }
        keepPending(tally);
        mappings.countUnmapped(tally.unmapped).await().indefinitely();
        return tally.report();
    }

    /** Keeps the unmapped lines read so far, so that mapping their name later may count them. */
    private void keepPending(Tally tally) {
        if (!tally.pending.isEmpty()) {
            ingest.keepUnmapped(List.copyOf(tally.pending)).await().indefinitely();
            tally.pending.clear();
        }
    }

    /**
     * Hands the chunk to ingestion and goes on reading while Kafka takes it: up to {@value #IN_FLIGHT} chunks are in
     * flight at once, and each answer is counted (on this thread) in the order the chunks were sent.
     */
    private void send(List<JsonNode> items, List<Integer> lines, Tally tally) {
        if (items.isEmpty()) {
            return;
        }
        while (tally.inFlight.size() >= IN_FLIGHT) {
            tally.settleOldest();
        }
        tally.inFlight.add(
                new Chunk(ingest.ingest(List.copyOf(items), false).subscribeAsCompletionStage(), List.copyOf(lines)));
        items.clear();
        lines.clear();
    }

    /** A chunk on its way to Kafka, and the file's line of each of its items. */
    private record Chunk(CompletableFuture<IngestReport> answer, List<Integer> lines) {}

    /** The counts of one import so far. */
    private static final class Tally {
        int lines;
        int accepted;
        int duplicates;
        int rejectedLines;
        final Map<String, Long> unmapped = new HashMap<>();
        final List<IngestService.Unmapped> pending = new ArrayList<>();
        final List<EventLogReport.RejectedLine> rejected = new ArrayList<>();
        final java.util.ArrayDeque<Chunk> inFlight = new java.util.ArrayDeque<>();

        /** Waits for the oldest chunk in flight and counts its answer. */
        void settleOldest() {
            Chunk chunk = inFlight.removeFirst();
            IngestReport report;
            try {
                report = chunk.answer().join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            accepted += report.accepted();
            duplicates += report.duplicates();
            report.rejected().forEach(rejected -> reject(chunk.lines().get(rejected.index()), rejected.errors()));
        }

        void reject(int line, List<String> errors) {
            rejectedLines++;
            if (rejected.size() < MAX_LISTED) {
                rejected.add(new EventLogReport.RejectedLine(line, errors));
            }
        }

        EventLogReport report() {
            int unmappedLines =
                    (int) unmapped.values().stream().mapToLong(Long::longValue).sum();
            rejected.sort(java.util.Comparator.comparingInt(EventLogReport.RejectedLine::line));
            return new EventLogReport(lines, accepted, duplicates, unmappedLines, rejectedLines, List.copyOf(rejected));
        }
    }
}
