package io.uptake.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Where the gateway sends each path, and how long it waits. */
@ConfigMapping(prefix = "uptake.gateway")
public interface GatewayConfig {

    /** The upstream services by name (metrics, feedback, training). */
    Map<String, Route> routes();

    /** How long to wait for a connection to an upstream. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** How long an upstream may stay silent, before its first byte or between two, before the request fails with 504. */
    @WithDefault("30s")
    Duration idleTimeout();

    /** How long the health check waits for each upstream's readiness. */
    @WithDefault("2s")
    Duration healthTimeout();

    /** Connections kept per upstream. */
    @WithDefault("64")
    int maxConnectionsPerUpstream();

    /**
     * Event streams (requests that accept {@code text/event-stream}) open at once per upstream. They
     * have their own connections, without the idle timeout, so that quiet streams stay open and never
     * take the connections of ordinary requests.
     */
    @WithDefault("5000")
    int maxStreamsPerUpstream();

    /** Seconds a client should wait before retrying when an upstream is down. */
    @WithDefault("5")
    int retryAfterSeconds();

    interface Route {

        /** The path prefix the upstream owns, such as {@code /api/metrics}. */
        String prefix();

        /** The upstream's base URL, such as {@code http://metrics-service:8080}. */
        URI url();
    }
}
