package io.uptake.gateway.protection;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bearer tokens remembered as verified, each until its own expiry, bounded both in count and in bytes
 * (a token's characters plus a fixed overhead for the entry and its identity). When full, the entries
 * used least recently go first, so a flood of distinct tokens pushes out old ones instead of wiping
 * the memory of every caller. Thread-safe; each call is short.
 */
final class TokenMemory<V> {

    /** What an entry costs beyond its token's characters: the map node, the identity and its claims. */
    static final int ENTRY_OVERHEAD_BYTES = 2048;

    private record Entry<V>(V value, long expiresAtMillis, long bytes) {}

    private final int maxEntries;
    private final long maxBytes;
    private final LinkedHashMap<String, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    TokenMemory(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /** The value remembered for the token, unless it has expired (then it is forgotten). */
    synchronized V get(String token, long nowMillis) {
        Entry<V> entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (nowMillis >= entry.expiresAtMillis()) {
            forget(token);
            return null;
        }
        return entry.value();
    }

    synchronized void put(String token, V value, long expiresAtMillis) {
        long cost = 2L * token.length() + ENTRY_OVERHEAD_BYTES;
        if (maxEntries <= 0 || cost > maxBytes) {
            return;
        }
        forget(token);
        Iterator<Map.Entry<String, Entry<V>>> oldestFirst = entries.entrySet().iterator();
        while ((entries.size() >= maxEntries || bytes + cost > maxBytes) && oldestFirst.hasNext()) {
            bytes -= oldestFirst.next().getValue().bytes();
            oldestFirst.remove();
        }
        entries.put(token, new Entry<>(value, expiresAtMillis, cost));
        bytes += cost;
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized long bytes() {
        return bytes;
    }

    private void forget(String token) {
        Entry<V> gone = entries.remove(token);
        if (gone != null) {
            bytes -= gone.bytes();
        }
    }
}
