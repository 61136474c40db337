package io.uptake.metrics.report;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The organisation's reports, computed once per state of the data. Every change a report can show bumps
 * {@code report_version} in its own transaction (triggers, V11); a report is looked up by its parameters
 * and served from memory only while that number has not moved, so an answer is never older than the data
 * committed before the request. Requests for the same report and state that arrive while it is being
 * computed share the computation, and at most {@code uptake.reports.concurrent} are computed at once. At
 * most {@code uptake.reports.cache-entries} summaries and {@code uptake.reports.cache-lists} per-person
 * lists are kept (the least recently used go first); {@code cache-entries} 0 turns the cache off.
 */
@ApplicationScoped
public class ReportCache {

    private record Cached(long version, Uni<Object> report) {}

    /**
     * A report and its parameters, compared as values: an absent parameter (all units) never equals one whose
     * text reads {@code "null"}.
     */
    public record Key(String report, List<Object> parameters) {}

    private final ReportQueries queries;
    private final int capacity;
    private final ComputeLimiter limiter;
    private final Map<Key, Cached> summaries;
    private final Map<Key, Cached> lists;

    public ReportCache(ReportQueries queries, ReportsConfig config) {
        this.queries = queries;
        this.capacity = config.cacheEntries();
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

    @SuppressWarnings("unchecked")
    private <T> Uni<T> get(Map<Key, Cached> entries, Key key, Supplier<Uni<T>> compute) {
        if (capacity <= 0) {
            return limiter.run(compute);
        }
        return queries.reportVersion().flatMap(version ->
                (Uni<T>) entry(entries, key, version, compute).report());
    }

    @SuppressWarnings("unchecked")
    private synchronized <T> Cached entry(Map<Key, Cached> entries, Key key, long version, Supplier<Uni<T>> compute) {
        Cached cached = entries.get(key);
        if (cached != null && cached.version() >= version) {
            return cached;
        }
        Uni<Object> report = limiter.run((Supplier<Uni<Object>>) (Supplier<?>) compute)
                .onFailure()
                .invoke(failure -> forget(entries, key, version))
                .memoize()
                .indefinitely();
        Cached fresh = new Cached(version, report);
        entries.put(key, fresh);
        return fresh;
    }

    private synchronized void forget(Map<Key, Cached> entries, Key key, long version) {
        Cached cached = entries.get(key);
        if (cached != null && cached.version() == version) {
            entries.remove(key);
        }
    }
}
