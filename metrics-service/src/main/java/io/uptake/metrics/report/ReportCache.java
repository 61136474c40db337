package io.uptake.metrics.report;

import io.smallrye.mutiny.Uni;
import io.uptake.metrics.scorecard.ScoredPeriods;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The organisation's reports, computed once per state of the data. Every change a report can show bumps
 * {@code report_version} in its own transaction (triggers, V11); a report is looked up by its parameters
 * and served from memory only while that number has not moved and no objectives set ahead of time have started
 * or ended since it was computed, so an answer is never older than the data committed before the request.
 * Requests for the same report and state that arrive while it is being
 * computed share the computation, and at most {@code uptake.reports.concurrent} are computed at once. At
 * most {@code uptake.reports.cache-entries} summaries and {@code uptake.reports.cache-lists} per-person
 * lists are kept (the least recently used go first); {@code cache-entries} 0 turns the cache off.
 */
@ApplicationScoped
public class ReportCache {

    /** An answer of one version of the data, good until the next boundary of the objectives in force (null: none). */
    private record Cached(long version, OffsetDateTime until, Uni<Object> report) {}

    /**
     * A report and its parameters, compared as values: an absent parameter (all units) never equals one whose
     * text reads {@code "null"}.
     */
    public record Key(String report, List<Object> parameters) {}

    /**
     * How a report kept as per-person parts is computed for everyone ({@code full}) and brought up to date after
     * the usage of some people changed ({@code rescore}); {@code reusable} says whether a kept snapshot can still
     * be brought up to date at all (see {@link ScoredPeriods#judgedAlike}).
     */
    public interface Refresh<S> {

        Uni<S> full();

        /**
         * {@code changed}: everyone whose usage or roster entries changed; {@code roster}: those of them whose roster
         * did; {@code teams}: the teams whose objectives changed.
         */
        Uni<S> rescore(S before, Set<String> changed, Set<String> roster, Set<String> teams);

        boolean reusable(S kept);

        /** How many parts the snapshot holds, against {@code uptake.reports.snapshot-parts}. */
        long size(S kept);
    }

    private record Kept(long version, long structure, Object snapshot, long size) {}

    /**
     * Heap bytes allowed per part when {@code uptake.reports.snapshot-parts} is not set. A part is a slot per person
     * and period (4 bytes, and 4 more for the period's people when they differ from the period before's), equal
     * parts are one object, and only a list's parts (a shortfall row, about 300 bytes) are mostly distinct; so all
     * snapshots together take well under a fifth of the heap.
     */
    private static final long HEAP_BYTES_PER_PART = 64;

    private final ReportQueries queries;
    private final int capacity;
    private final long snapshotParts;
    private final Map<Key, Kept> snapshots = new LinkedHashMap<>(16, 0.75f, true);
    private final AtomicLong refreshes = new AtomicLong();
    private final AtomicLong fullComputations = new AtomicLong();
    private final ComputeLimiter limiter;
    private final Map<Key, Cached> summaries;
    private final Map<Key, Cached> lists;

    public ReportCache(ReportQueries queries, ReportsConfig config) {
        this.queries = queries;
        this.capacity = config.cacheEntries();
        this.snapshotParts = config.snapshotParts().orElse(Runtime.getRuntime().maxMemory() / HEAP_BYTES_PER_PART);
        this.limiter = new ComputeLimiter(config.concurrent());
        this.summaries = leastRecentlyUsed(config.cacheEntries());
        this.lists = leastRecentlyUsed(config.cacheLists());
    }

    private static Map<Key, Cached> leastRecentlyUsed(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Cached> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cache key of a report with these parameters. */
    public static Key key(String report, Object... parameters) {
        return new Key(report, Collections.unmodifiableList(Arrays.asList(parameters.clone())));
    }

    /** A report of one row per group (and period): small, so {@code uptake.reports.cache-entries} of them are kept. */
    public <T> Uni<T> summary(Key key, Supplier<Uni<T>> compute) {
        return get(summaries, key, compute);
    }

    /** A report of a row per person: large at 100,000 people, so only {@code uptake.reports.cache-lists} of them are kept. */
    public <T> Uni<T> list(Key key, Supplier<Uni<T>> compute) {
        return get(lists, key, compute);
    }

    /**
     * A report folded from per-person parts that are kept between versions of the data: after a change of usage, of
     * the roster or of objectives, the parts of the people the journal names (and of those in the teams it names) are
     * rescored; after any other change (usage removed, a truncate), or when the snapshot is older than the journal,
     * everyone is scored again. The answer is the one a full
     * computation would give ({@code IncrementalReportsTest}).
     */
    public <S, R> Uni<R> refreshed(Key key, boolean list, Refresh<S> refresh, Function<S, R> fold) {
        if (capacity <= 0) {
            return limiter.run(() -> refresh.full().map(fold));
        }
        return queries.dataVersion()
                .flatMap(data -> get(
                        list ? lists : summaries,
                        key,
                        data,
                        () -> compute(key, data, refresh).map(fold)));
    }

    @SuppressWarnings("unchecked")
    private <S> Uni<S> compute(Key key, ReportQueries.DataVersion data, Refresh<S> refresh) {
        Kept kept = kept(key);
        Uni<S> snapshot;
        if (kept != null
                && kept.structure() == data.structure()
                && kept.version() >= data.journalFrom()
                && refresh.reusable((S) kept.snapshot())) {
            snapshot = queries.changedSince(kept.version())
                    .flatMap(changed -> changed.isEmpty()
                            ? Uni.createFrom().item((S) kept.snapshot())
                            : refresh.rescore((S) kept.snapshot(), changed.people(), changed.roster(), changed.teams()))
                    .invoke(refreshes::incrementAndGet);
        } else {
            snapshot = refresh.full().invoke(fullComputations::incrementAndGet);
        }
        return snapshot.invoke(
                fresh -> keep(key, new Kept(data.version(), data.structure(), fresh, refresh.size(fresh))));
    }

    private synchronized Kept kept(Key key) {
        return snapshots.get(key);
    }

    /** Keeps the newest snapshot of each report, the least recently used going first beyond the parts allowed. */
    private synchronized void keep(Key key, Kept fresh) {
        Kept before = snapshots.get(key);
        if (before != null && before.version() > fresh.version()) {
            return;
        }
        snapshots.put(key, fresh);
        long parts = snapshots.values().stream().mapToLong(Kept::size).sum();
        var eldest = snapshots.entrySet().iterator();
        while (parts > snapshotParts && snapshots.size() > 1 && eldest.hasNext()) {
            Map.Entry<Key, Kept> entry = eldest.next();
            if (!entry.getKey().equals(key)) {
                parts -= entry.getValue().size();
                eldest.remove();
            }
        }
    }

    /** Parts a snapshot may keep (all snapshots together, too): beyond it, a report keeps only its answer. */
    public long snapshotParts() {
        return snapshotParts;
    }

    /** Reports brought up to date from a kept snapshot, and computed for everyone, since the start. */
    long refreshes() {
        return refreshes.get();
    }

    long fullComputations() {
        return fullComputations.get();
    }

    /** The reports answered or kept in memory now. */
    synchronized Set<Key> keys() {
        Set<Key> keys = new HashSet<>(summaries.keySet());
        keys.addAll(lists.keySet());
        keys.addAll(snapshots.keySet());
        return keys;
    }

    @SuppressWarnings("unchecked")
    private <T> Uni<T> get(Map<Key, Cached> entries, Key key, Supplier<Uni<T>> compute) {
        if (capacity <= 0) {
            return limiter.run(compute);
        }
        return queries.dataVersion().flatMap(data -> get(entries, key, data, compute));
    }

    @SuppressWarnings("unchecked")
    private <T> Uni<T> get(
            Map<Key, Cached> entries, Key key, ReportQueries.DataVersion data, Supplier<Uni<T>> compute) {
        return (Uni<T>) entry(entries, key, data, compute).report();
    }

    @SuppressWarnings("unchecked")
    private synchronized <T> Cached entry(
            Map<Key, Cached> entries, Key key, ReportQueries.DataVersion data, Supplier<Uni<T>> compute) {
        long version = data.version();
        Cached cached = entries.get(key);
        if (cached != null && cached.version() >= version && data.stillInForce(cached.until())) {
            return cached;
        }
        AtomicReference<Cached> self = new AtomicReference<>();
        Uni<Object> report = limiter.run((Supplier<Uni<Object>>) (Supplier<?>) compute)
                .onFailure()
                .invoke(failure -> forget(entries, key, self.get()))
                .memoize()
                .indefinitely();
        Cached fresh = new Cached(version, data.nextObjectivesBoundary(), report);
        self.set(fresh);
        entries.put(key, fresh);
        return fresh;
    }

    /** Forgets a failed computation, unless another has taken its place (a newer version, or the same one lapsed). */
    private synchronized void forget(Map<Key, Cached> entries, Key key, Cached failed) {
        if (entries.get(key) == failed) {
            entries.remove(key);
        }
    }
}
