package io.uptake.gateway.routing;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where the gateway sends each path, how long it waits, and what it lets through. */
@ConfigMapping(prefix = "uptake.gateway")
public interface GatewayConfig {

    /** The upstream services by name (metrics, feedback, training). */
    Map<String, Route> routes();

    /** How long to wait for a connection to an upstream. */
    @WithDefault("2s")
    Duration connectTimeout();

    /**
     * How long the gateway waits for an upstream connection of an event stream. Longer than {@link #connectTimeout}:
     * when thousands of browsers open their streams at once, the upstream's accept backlog fills and the kernel's
     * retries of the dropped connection attempts (after 1, 3 and 7 s) are what gets them through.
     */
    @WithDefault("15s")
    Duration streamConnectTimeout();

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
     * Event streams (requests that accept {@code text/event-stream}) open at once through this replica, over all
     * upstreams. They have their own connections, without the idle timeout, so that quiet streams stay open and
     * never take the connections of ordinary requests. One more is refused at once with {@code 503} and {@code
     * Retry-After}. Absent: 10,000, or fewer if the process's open-file limit holds fewer (a socket a stream, and the
     * shared upstream connections).
     */
    Optional<Integer> maxStreams();

    /**
     * Whether event streams reach the upstreams over HTTP/2 (in clear text with prior knowledge, by ALPN over TLS), up
     * to 100 streams sharing a connection: Uptake's services speak it. False for an upstream that speaks HTTP/1.1 only:
     * then each stream has a connection of its own, and a replica holds half as many.
     */
    @WithDefault("true")
    boolean streamsOverHttp2();

    /**
     * Requests (not event streams) in flight through this gateway at once; one more is answered 503 with
     * {@code Retry-After} at once, so that overload sheds quickly instead of queueing without bound.
     */
    @WithDefault("256")
    int maxInFlight();

    /** Event streams one caller (a person, or a client) may hold open at once through one gateway replica. */
    @WithDefault("5")
    int maxStreamsPerCaller();

    /** Seconds a client should wait before retrying when an upstream is down. */
    @WithDefault("5")
    int retryAfterSeconds();

    /** Requests per caller and window. */
    RateLimit rateLimit();

    /** The circuit breaker kept for each upstream. */
    CircuitBreaker circuitBreaker();

    /** The memory of verified bearer tokens. */
    VerifiedTokens verifiedTokens();

    /**
     * Keycloak's origin as browsers see it ({@code https://auth.example.com}): signing out posts a form to the
     * gateway, which continues there, so the web app's {@code form-action} names it. None: the origin of
     * {@code quarkus.oidc.auth-server-url}.
     */
    Optional<String> signInOrigin();

    /**
     * A PEM file of the CA that signs the services' certificates, for routes whose {@code url} is {@code https}; none:
     * the JVM's trusted CAs. Host names are verified either way.
     */
    Optional<String> upstreamCa();

    /** The web origins whose pages may call the API (CORS); none: the gateway's own origin only. */
    Optional<List<String>> corsOrigins();

    /**
     * Whether the path belongs to a write-key route ({@code /v1/...}), open to any caller that holds a key, and to
     * the web pages of the origins each key lists.
     */
    default boolean writeKeyPath(String path) {
        return path != null
                && routes().values().stream()
                        .anyMatch(route -> route.writeKeys()
                                && (path.equals(route.prefix()) || path.startsWith(route.prefix() + "/")));
    }

    interface Route {

        /** The path prefix the upstream owns, such as {@code /api/metrics}. */
        String prefix();

        /** The upstream's base URL, such as {@code http://metrics-service:8080}. */
        URI url();

        /**
         * Where the upstream's management interface answers ({@code /q/health/ready}, {@code /q/openapi}), such as
         * {@code http://metrics-service:9000}; none: the base URL.
         */
        Optional<URI> managementUrl();

        /** The largest request body accepted for this route; above it the answer is 413. */
        @WithDefault("1M")
        MemorySize maxBodySize();

        /**
         * True for a route whose callers present a write key (the HTTP Basic user name, as Segment's libraries send
         * it) instead of a bearer token: the upstream checks the key; the gateway limits each key's rate as the ingest
         * client's.
         */
        @WithDefault("false")
        boolean writeKeys();

        /**
         * True for a route whose callers may present either a bearer token or a write key (the HTTP Basic user name):
         * a request with a key goes on unchecked, for the upstream to check, within the key's rate limit; any other
         * needs a valid token. Unlike {@link #writeKeys()}, the route stays closed to other origins.
         */
        @WithDefault("false")
        boolean writeKeyOrToken();

        /**
         * How long the upstream may stay silent on this route before its answer, else {@code uptake.gateway.idle-timeout}:
         * an upload the upstream answers once it has read it all (an EventLogFile) needs as long as the upload takes.
         */
        Optional<Duration> idleTimeout();
    }

    interface RateLimit {

        /** Whether callers are limited at all. */
        @WithDefault("true")
        boolean enabled();

        /** The length of one counting window. */
        @WithDefault("1m")
        Duration window();

        /** Requests a person (a user's token) may make per window. */
        @WithDefault("600")
        int userRequests();

        /** Requests a machine client (a client-credentials token) may make per window. */
        @WithDefault("1200")
        int clientRequests();

        /** Requests a caller with role {@code ingest} (the CRM connector) may make per window. */
        @WithDefault("12000")
        int ingestRequests();

        /**
         * The gateway replicas that share the limits: each counts alone and allows its share
         * (limit / replicas, rounded up), so the deployment as a whole allows the limit when requests
         * are spread evenly over this many replicas.
         */
        @WithDefault("1")
        int replicas();
    }

    interface CircuitBreaker {

        /** Consecutive failures (no connection, timeout) that open an upstream's circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit answers 503 at once before one trial request is let through. */
        @WithDefault("10s")
        Duration openFor();
    }

    interface VerifiedTokens {

        /** Tokens remembered as verified until they expire; when full, the least recently used go first. */
        @WithDefault("10000")
        int capacity();

        /** The bytes the remembered tokens may take (their characters and about 2 KiB each for the identity). */
        @WithDefault("33554432")
        long maxBytes();
    }
}
