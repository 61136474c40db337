package io.uptake.gateway.routing;

import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * How many event streams one gateway replica holds at once. Each stream holds two sockets (the caller's and the
 * upstream's) for as long as it is open, so a replica can never hold more than half its open-file limit, less what
 * ordinary requests, the JVM and the upstream pools need. The default, {@value #DEFAULT} streams, is lowered to fit
 * that limit; a configured number is taken as it is.
 */
final class StreamCapacity {

    static final int DEFAULT = 10_000;

    /** Open files kept for everything but streams: ordinary connections, jars, the JVM's own. */
    static final int RESERVED_FILES = 2_048;

    private StreamCapacity() {}

    static int of(Optional<Integer> configured, long maxOpenFiles) {
        if (configured.isPresent()) {
            return configured.get();
        }
        if (maxOpenFiles <= 0) {
            return DEFAULT;
        }
        return (int) Math.max(1, Math.min(DEFAULT, (maxOpenFiles - RESERVED_FILES) / 2));
    }

    /** This process's open-file limit, or 0 when the platform does not say. */
    static long maxOpenFiles() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getMaxFileDescriptorCount();
        }
        return 0;
    }
}
