package io.uptake.metrics.report;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The organisation's reports, computed once per state of the data. Every change a report can show bumps
 * {@code report_version} in its own transaction (triggers, V11); a report is looked up by its parameters
 * and served from memory only while that number has not moved, so an answer is never older than the data
 * committed before the request. Requests for the same report and state that arrive while it is being
 * computed share the computation, and at most {@code uptake.reports.concurrent} are computed at once. At
 * most {@code uptake.reports.cache-entries} reports are kept (the least recently used go first); 0 turns
 * the cache off.
 */
@ApplicationScoped
public class ReportCache {

    private record Cached(long version, Uni<Object> report) {
    }

    private final Pool pool;
    private final int capacity;
    private final ComputeLimiter limiter;
    private final Map<String, Cached> entries;

    public ReportCache(Pool pool, @ConfigProperty(name = "uptake.reports.cache-entries", defaultValue = "32") int capacity,
            @ConfigProperty(name = "uptake.reports.concurrent", defaultValue = "2") int concurrent) {
        this.pool = pool;
        this.capacity = capacity;
        this.limiter = new ComputeLimiter(concurrent);
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > ReportCache.this.capacity;
            }
        };
    }

    @SuppressWarnings("unchecked")
    <T> Uni<T> get(String key, Supplier<Uni<T>> compute) {
        if (capacity <= 0) {
            return limiter.run(compute);
        }
        return pool.query("select version from report_version").execute()
                .map(rows -> rows.iterator().next().getLong(0))
                .flatMap(version -> (Uni<T>) entry(key, version, compute).report());
    }

    @SuppressWarnings("unchecked")
    private synchronized <T> Cached entry(String key, long version, Supplier<Uni<T>> compute) {
        Cached cached = entries.get(key);
        if (cached != null && cached.version() >= version) {
            return cached;
        }
        Uni<Object> report = limiter.run((Supplier<Uni<Object>>) (Supplier<?>) compute)
                .onFailure().invoke(failure -> forget(key, version))
                .memoize().indefinitely();
        Cached fresh = new Cached(version, report);
        entries.put(key, fresh);
        return fresh;
    }

    private synchronized void forget(String key, long version) {
        Cached cached = entries.get(key);
        if (cached != null && cached.version() == version) {
            entries.remove(key);
        }
    }
}
