package io.uptake.gateway.routing;

import io.quarkus.logging.Log;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.uptake.gateway.observability.RequestTelemetry;
import io.uptake.gateway.protection.RateLimiter;
import io.uptake.gateway.protection.WriteKeyCaller;
import io.uptake.gateway.web.CrossSiteRequests;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.ConnectException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Forwards each request under an upstream's prefix to that upstream. Bodies stream both ways
 * (request body piped into the upstream request, response piped back), so nothing is buffered whole.
 * Authentication has already run: Quarkus checks the bearer token before this handler. Before a
 * request leaves, the caller's rate limit, the route's body limit and the upstream's circuit are
 * checked, each answering with its own problem.
 */
@ApplicationScoped
public class StreamingProxy {

    /**
     * Headers never copied: connection-level ones that belong to one hop (RFC 9110, 7.6.1), and the
     * caller's trace context, which OpenTelemetry replaces with the gateway's own client span.
     */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "host",
            "content-length",
            "traceparent",
            "tracestate",
            // where the request came from is the gateway's to state (X-Forwarded-For, -Proto and -Host are set below)
            "forwarded",
            "x-forwarded-port",
            "x-forwarded-prefix",
            "x-forwarded-server",
            "x-forwarded-ssl",
            "x-real-ip",
            // the browser session stays between the browser and the gateway: services get its access token
            "cookie");

    private final GatewayConfig config;
    private final RateLimiter rateLimiter;
    private final HttpClient client;
    private final HttpClient streams;
    private final Map<String, UpstreamCircuit> circuits = new HashMap<>();
    private final StreamSeats streamSeats;
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final io.micrometer.core.instrument.Counter shed;
    private final io.micrometer.core.instrument.Counter streamsRefused;

    public StreamingProxy(
            GatewayConfig config,
            RateLimiter rateLimiter,
            Vertx vertx,
            io.micrometer.core.instrument.MeterRegistry registry) {
        this.config = config;
        this.shed = io.micrometer.core.instrument.Counter.builder("uptake.gateway.shed")
                .description("Requests answered 503 at once because the gateway had maxInFlight requests in flight")
                .register(registry);
        registry.gauge("uptake.gateway.in.flight", inFlight);
        this.streamsRefused = io.micrometer.core.instrument.Counter.builder("uptake.gateway.streams.refused")
                .description("Event streams answered 503 at once because the replica held uptake.gateway.max-streams")
                .register(registry);
        this.rateLimiter = rateLimiter;
        this.client = vertx.createHttpClient(
                Upstream.clientOptions(config)
                        .setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setKeepAlive(true),
                new PoolOptions()
                        .setHttp1MaxSize(config.maxConnectionsPerUpstream())
                        .setMaxWaitQueueSize(config.maxInFlight()));
        int maxStreams =
                StreamCapacity.of(config.maxStreams(), StreamCapacity.maxOpenFiles(), config.streamsOverHttp2());
        this.streamSeats = new StreamSeats(config.maxStreamsPerCaller(), maxStreams);
        registry.gauge("uptake.gateway.streams.open", streamSeats, StreamSeats::open);
        this.streams = vertx.createHttpClient(
                streamClientOptions(config),
                // enough connections that a stream given a seat never waits for one
                new PoolOptions()
                        .setHttp1MaxSize(maxStreams)
                        .setHttp2MaxSize(StreamCapacity.upstreamConnections(maxStreams)));
        config.routes()
                .keySet()
                .forEach(name -> circuits.put(name, new UpstreamCircuit(name, config.circuitBreaker())));
    }

    /**
     * Event streams share a few HTTP/2 connections per upstream, so that a stream holds one socket of this replica, the
     * caller's, instead of two; without HTTP/2 each has a connection of its own, never kept alive.
     */
    private static HttpClientOptions streamClientOptions(GatewayConfig config) {
        HttpClientOptions options = Upstream.clientOptions(config)
                .setConnectTimeout((int) config.streamConnectTimeout().toMillis());
        if (!config.streamsOverHttp2()) {
            return options.setKeepAlive(false);
        }
        return options.setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false)
                .setUseAlpn(true)
                .setHttp2ConnectionWindowSize(StreamCapacity.UPSTREAM_CONNECTION_WINDOW_BYTES);
    }

    /** Longest prefix first: a route under another's prefix (an upload path with its own body limit) wins. */
    void registerRoutes(@Observes Router router) {
        config.routes().entrySet().stream()
                .sorted(java.util.Comparator.comparingInt((Map.Entry<String, GatewayConfig.Route> route) ->
                                route.getValue().prefix().length())
                        .reversed())
                .forEach(entry -> {
                    String name = entry.getKey();
                    Upstream upstream = Upstream.of(name, entry.getValue());
                    router.route(upstream.prefix()).handler(context -> forward(context, upstream));
                    router.route(upstream.prefix() + "/*").handler(context -> forward(context, upstream));
                    Log.infof("Routing %s/** to %s:%d", upstream.prefix(), upstream.host(), upstream.port());
                });
        router.route("/api/*")
                .handler(context -> Problems.send(context.response(), 404, "Not Found", "No service owns this path"));
    }

    private void forward(RoutingContext context, Upstream upstream) {
        GatewayConfig.Route route = config.routes().get(upstream.name());
        if (route.writeKeys() || (route.writeKeyOrToken() && WriteKeyCaller.presentsKey(context.request()))) {
            if (withinRateLimit(context, rateLimiter.acquireForWriteKey(WriteKeyCaller.of(context.request())))) {
                proxy(context, upstream, route, null);
            }
            return;
        }
        HttpServerRequest inbound = context.request();
        HttpServerResponse outbound = context.response();
        if (!(context.user() instanceof QuarkusHttpUser user)
                || user.getSecurityIdentity().isAnonymous()) {
            outbound.putHeader("WWW-Authenticate", "Bearer");
            Problems.send(outbound, 401, "Unauthorized", "A valid bearer token is required");
            return;
        }
        boolean bySession = inbound.getHeader("Authorization") == null;
        if (bySession
                && !CrossSiteRequests.allowed(
                        inbound.method().name(),
                        inbound.getHeader("X-Requested-With"),
                        inbound.getHeader("Origin"),
                        inbound.getHeader("Sec-Fetch-Site"),
                        inbound.authority() == null ? null : inbound.authority().toString())) {
            Problems.send(
                    outbound,
                    403,
                    "Forbidden",
                    "A change made with the browser session must come from the Uptake app itself "
                            + "(X-Requested-With header, same origin)");
            return;
        }
        if (!withinRateLimit(context, rateLimiter.acquire(user.getSecurityIdentity()))) {
            return;
        }
        proxy(context, upstream, route, user.getSecurityIdentity());
    }

    /** {@code identity}: the caller's, or null on a write-key route (whose key the upstream checks). */
    private void proxy(
            RoutingContext context, Upstream upstream, GatewayConfig.Route route, SecurityIdentity identity) {
        HttpServerRequest inbound = context.request();
        HttpServerResponse outbound = context.response();
        long maxBody = route.maxBodySize().asLongValue();
        if (declaredLength(inbound) > maxBody) {
            tooLarge(outbound, maxBody);
            return;
        }
        UpstreamCircuit circuit = circuits.get(upstream.name());
        if (circuit.open()) {
            circuitOpen(outbound, upstream, circuit);
            return;
        }
        boolean eventStream = identity != null && accepts(inbound, "text/event-stream");
        Runnable releaseSeat = eventStream ? takeStreamSeat(context, identity) : takeRequestSlot(context);
        if (releaseSeat == null) {
            return;
        }
        // a request without a body (most GETs) is sent as it is; one with a body is streamed, paused until the upstream
        // is ready
        boolean hasBody = declaredLength(inbound) > 0 || inbound.getHeader("Transfer-Encoding") != null;
        if (hasBody) {
            inbound.pause();
        }
        LimitedBody body = hasBody ? new LimitedBody(inbound, maxBody) : null;
        RequestOptions options = upstream.request()
                .setMethod(inbound.method())
                .setURI(inbound.uri())
                .setIdleTimeout(
                        eventStream
                                ? 0
                                : route.idleTimeout()
                                        .orElse(config.idleTimeout())
                                        .toMillis());
        circuit.call(() -> (eventStream ? streams : client)
                        .request(options)
                        .compose(request -> {
                            copyRequestHeaders(context, request);
                            if (eventStream) {
                                outbound.closeHandler(clientLeft -> {
                                    request.reset();
                                    releaseSeat.run();
                                });
                            }
                            return hasBody ? request.send(body) : request.send();
                        })
                        // held until relay() pipes it: the guard may hand the response over on a later turn of the
                        // event loop
                        .map(response -> response.pause())
                        .recover(failure -> Future.failedFuture(
                                body != null && body.failed() ? new UpstreamCircuit.NotTheUpstreams(failure) : failure))
                        .toCompletionStage())
                .whenComplete((response, failure) -> {
                    if (failure == null) {
                        relay(response, outbound, upstream);
                    } else if (UpstreamCircuit.rejected(failure)) {
                        circuitOpen(outbound, upstream, circuit);
                    } else if (body != null && body.failed()) {
                        tooLarge(outbound, maxBody);
                    } else {
                        fail(outbound, upstream, UpstreamCircuit.cause(failure));
                    }
                });
    }

    private static void circuitOpen(HttpServerResponse outbound, Upstream upstream, UpstreamCircuit circuit) {
        if (!outbound.headWritten()) {
            outbound.putHeader("Retry-After", String.valueOf(circuit.secondsUntilTrial()));
        }
        Problems.send(
                outbound,
                503,
                "Service Unavailable",
                "The " + upstream.name() + " service is not available; try again later");
    }

    /**
     * A slot for one more request in flight through this gateway, given back when its answer ends or the
     * client leaves. Null, with a quick 503 and {@code Retry-After} sent, when every slot is taken: under
     * overload the gateway sheds what it cannot serve in time instead of queueing it without bound.
     */
    private Runnable takeRequestSlot(RoutingContext context) {
        HttpServerResponse outbound = context.response();
        if (inFlight.incrementAndGet() > config.maxInFlight()) {
            inFlight.decrementAndGet();
            shed.increment();
            outbound.putHeader("Retry-After", "1");
            Problems.send(outbound, 503, "Service Unavailable", "The gateway is at capacity; try again in a second");
            return null;
        }
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
            }
        };
        context.addEndHandler(endedOrClosed -> release.run());
        return release;
    }

    /**
     * A seat for one more event stream of this caller: the answer gives it back (once), and so does the
     * end of the response. Null, with a 429 sent, when the caller holds every seat they may.
     */
    private Runnable takeStreamSeat(RoutingContext context, SecurityIdentity identity) {
        HttpServerResponse outbound = context.response();
        String caller = identity.getPrincipal().getName();
        StreamSeats.Taken taken = streamSeats.take(caller);
        if (taken != StreamSeats.Taken.YES) {
            outbound.putHeader("Retry-After", String.valueOf(config.retryAfterSeconds()));
            if (taken == StreamSeats.Taken.CALLER_FULL) {
                Problems.send(
                        outbound,
                        429,
                        "Too Many Requests",
                        "At most " + config.maxStreamsPerCaller()
                                + " event streams may be open at once; close one before opening another");
            } else {
                streamsRefused.increment();
                Problems.send(
                        outbound,
                        503,
                        "Service Unavailable",
                        "This gateway holds " + streamSeats.total()
                                + " live streams, its most; try again after the Retry-After seconds");
            }
            return null;
        }
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                streamSeats.release(caller);
            }
        };
        context.addEndHandler(endedOrClosed -> release.run());
        return release;
    }

    private boolean withinRateLimit(RoutingContext context, RateLimiter.Decision decision) {
        HttpServerResponse outbound = context.response();
        outbound.putHeader("RateLimit-Limit", String.valueOf(decision.limit()));
        outbound.putHeader("RateLimit-Remaining", String.valueOf(decision.remaining()));
        if (decision.allowed()) {
            return true;
        }
        outbound.putHeader("Retry-After", String.valueOf(decision.retryAfterSeconds()));
        Problems.send(
                outbound,
                429,
                "Too Many Requests",
                "Rate limit of " + decision.limit() + " requests reached; try again in " + decision.retryAfterSeconds()
                        + " s");
        return false;
    }

    private static long declaredLength(HttpServerRequest inbound) {
        String contentLength = inbound.getHeader("Content-Length");
        if (contentLength == null) {
            return -1;
        }
        try {
            return Long.parseLong(contentLength.trim());
        } catch (NumberFormatException notANumber) {
            return Long.MAX_VALUE;
        }
    }

    private static void tooLarge(HttpServerResponse outbound, long maxBody) {
        if (!outbound.headWritten()) {
            outbound.putHeader("Connection", "close");
        }
        Problems.send(
                outbound,
                413,
                "Content Too Large",
                "The request body is larger than the limit of " + maxBody + " bytes");
    }

    private static boolean accepts(HttpServerRequest inbound, String mediaType) {
        String accept = inbound.getHeader("Accept");
        return accept != null && accept.toLowerCase().contains(mediaType);
    }

    private void copyRequestHeaders(RoutingContext context, HttpClientRequest request) {
        HttpServerRequest inbound = context.request();
        copyHeaders(inbound.headers(), request.headers());
        if (inbound.getHeader("Authorization") == null && context.user() instanceof QuarkusHttpUser user) {
            // a browser session: the services check its access token (refreshed by OIDC when it expires)
            AccessTokenCredential session = user.getSecurityIdentity().getCredential(AccessTokenCredential.class);
            if (session != null) {
                request.putHeader("Authorization", "Bearer " + session.getToken());
            }
        }
        String contentLength = inbound.getHeader("Content-Length");
        if (contentLength != null) {
            request.putHeader("Content-Length", contentLength);
        } else if (inbound.getHeader("Transfer-Encoding") != null) {
            request.setChunked(true);
        }
        request.putHeader(RequestTelemetry.REQUEST_ID, RequestTelemetry.requestId(context));
        request.putHeader("X-Forwarded-For", inbound.remoteAddress().hostAddress());
        request.putHeader("X-Forwarded-Proto", inbound.scheme());
        request.putHeader(
                "X-Forwarded-Host",
                inbound.authority() == null ? "" : inbound.authority().toString());
    }

    private void relay(HttpClientResponse response, HttpServerResponse outbound, Upstream upstream) {
        if (hidesInternals(response)) {
            // an upstream failure that did not come as our own problem shape may carry a stack trace
            Log.warnf("Upstream %s answered %d; its body is not relayed", upstream.name(), response.statusCode());
            response.body()
                    .onComplete(drained -> Problems.send(
                            outbound,
                            502,
                            "Bad Gateway",
                            "The " + upstream.name() + " service failed to answer this request"));
            response.resume();
            return;
        }
        outbound.setStatusCode(response.statusCode());
        copyHeaders(response.headers(), outbound.headers());
        String contentLength = response.getHeader("Content-Length");
        if (contentLength != null) {
            outbound.putHeader("Content-Length", contentLength);
        } else {
            outbound.setChunked(true);
            String contentType = response.getHeader("Content-Type");
            if (contentType != null && contentType.startsWith("text/event-stream")) {
                outbound.writeHead(); // a quiet stream's client learns at once that it is connected
            }
        }
        response.pipeTo(outbound).onFailure(failure -> {
            Log.debugf("Response stream broken: %s", failure.getMessage());
            outbound.reset();
        });
    }

    /** A 5xx answer that is not a problem document (a default error page), or any 500, is replaced. */
    private static boolean hidesInternals(HttpClientResponse response) {
        if (response.statusCode() < 500) {
            return false;
        }
        String contentType = response.getHeader("Content-Type");
        return response.statusCode() == 500
                || contentType == null
                || !contentType.startsWith("application/problem+json");
    }

    private void fail(HttpServerResponse outbound, Upstream upstream, Throwable failure) {
        boolean silent = !(failure instanceof ConnectException)
                && failure.getClass().getSimpleName().contains("Timeout");
        if (silent) {
            Log.warnf("Upstream %s timed out: %s", upstream.name(), failure.getMessage());
            Problems.send(
                    outbound, 504, "Gateway Timeout", "The " + upstream.name() + " service did not answer in time");
            return;
        }
        Log.warnf("Upstream %s unavailable: %s", upstream.name(), failure.toString());
        if (!outbound.headWritten()) {
            outbound.putHeader("Retry-After", String.valueOf(config.retryAfterSeconds()));
        }
        Problems.send(
                outbound,
                503,
                "Service Unavailable",
                "The " + upstream.name() + " service is not available; try again later");
    }

    private static void copyHeaders(MultiMap from, MultiMap to) {
        from.forEach(header -> {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase())) {
                to.add(header.getKey(), header.getValue());
            }
        });
    }
}
