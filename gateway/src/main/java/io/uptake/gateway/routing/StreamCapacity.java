package io.uptake.gateway.routing;

import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * How many event streams one gateway replica holds at once. Each stream holds the caller's socket for as long as it is
 * open; upstream, the streams share HTTP/2 connections, at least {@value #STREAMS_PER_UPSTREAM_CONNECTION} to each (the
 * services' default is 100). So a replica holds about its open-file limit in streams, less what ordinary requests, the
 * JVM and the upstream connections need (half as many when each stream has an upstream connection of its own). The
 * default, {@value #DEFAULT} streams, is lowered to fit that limit; a
 * configured number is taken as it is.
 */
final class StreamCapacity {

    static final int DEFAULT = 10_000;

    /** Open files kept for everything but streams: ordinary connections, jars, the JVM's own. */
    static final int RESERVED_FILES = 2_048;

    /**
     * Streams one upstream HTTP/2 connection carries at the least: half of the 100 concurrent streams a Quarkus service
     * allows, so that the pool has room when some connections are not full.
     */
    static final int STREAMS_PER_UPSTREAM_CONNECTION = 50;

    /**
     * Bytes an upstream HTTP/2 connection may have in flight before the gateway reads them: a stream whose caller reads
     * slowly holds its own window (64 KiB), and this keeps the connection open for the others.
     */
    static final int UPSTREAM_CONNECTION_WINDOW_BYTES = 8 * 1024 * 1024;

    private StreamCapacity() {}

    /** {@code overHttp2}: whether the streams share upstream connections, else each holds one of its own. */
    static int of(Optional<Integer> configured, long maxOpenFiles, boolean overHttp2) {
        if (configured.isPresent()) {
            return configured.get();
        }
        if (maxOpenFiles <= 0) {
            return DEFAULT;
        }
        long forStreams = overHttp2
                ? (maxOpenFiles - RESERVED_FILES)
                        * STREAMS_PER_UPSTREAM_CONNECTION
                        / (STREAMS_PER_UPSTREAM_CONNECTION + 1)
                : (maxOpenFiles - RESERVED_FILES) / 2;
        return (int) Math.max(1, Math.min(DEFAULT, forStreams));
    }

    /** The HTTP/2 connections the gateway may open to one upstream for {@code maxStreams} streams. */
    static int upstreamConnections(int maxStreams) {
        return Math.max(1, (maxStreams + STREAMS_PER_UPSTREAM_CONNECTION - 1) / STREAMS_PER_UPSTREAM_CONNECTION);
    }

    /** This process's open-file limit, or 0 when the platform does not say. */
    static long maxOpenFiles() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getMaxFileDescriptorCount();
        }
        return 0;
    }
}
