package io.uptake.gateway.routing;

import io.quarkus.logging.Log;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.ConnectException;
import java.util.Set;

/**
 * Forwards each request under an upstream's prefix to that upstream. Bodies stream both ways
 * (request body piped into the upstream request, response piped back), so nothing is buffered whole.
 * Authentication has already run: Quarkus checks the bearer token before this handler.
 */
@ApplicationScoped
public class StreamingProxy {

    /** Connection-level headers that belong to one hop and are never forwarded (RFC 9110, 7.6.1). */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length");

    private final GatewayConfig config;
    private final HttpClient client;
    private final HttpClient streams;

    public StreamingProxy(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerUpstream()));
        this.streams = vertx.createHttpClient(
                new HttpClientOptions()
                        .setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setKeepAlive(false),
                new PoolOptions().setHttp1MaxSize(config.maxStreamsPerUpstream()));
    }

    void registerRoutes(@Observes Router router) {
        config.routes().forEach((name, route) -> {
            Upstream upstream = Upstream.of(name, route);
            router.route(upstream.prefix()).handler(context -> forward(context, upstream));
            router.route(upstream.prefix() + "/*").handler(context -> forward(context, upstream));
            Log.infof("Routing %s/** to %s:%d", upstream.prefix(), upstream.host(), upstream.port());
        });
    }

    private void forward(RoutingContext context, Upstream upstream) {
        HttpServerRequest inbound = context.request();
        HttpServerResponse outbound = context.response();
        inbound.pause();
        boolean eventStream = accepts(inbound, "text/event-stream");
        RequestOptions options = new RequestOptions()
                .setMethod(inbound.method())
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setURI(inbound.uri())
                .setIdleTimeout(eventStream ? 0 : config.idleTimeout().toMillis());
        (eventStream ? streams : client).request(options)
                .compose(request -> {
                    copyRequestHeaders(inbound, request);
                    if (eventStream) {
                        outbound.closeHandler(clientLeft -> request.reset());
                    }
                    return request.send(inbound);
                })
                .onSuccess(response -> relay(response, outbound))
                .onFailure(failure -> fail(outbound, upstream, failure));
    }

    private static boolean accepts(HttpServerRequest inbound, String mediaType) {
        String accept = inbound.getHeader("Accept");
        return accept != null && accept.toLowerCase().contains(mediaType);
    }

    private void copyRequestHeaders(HttpServerRequest inbound, HttpClientRequest request) {
        copyHeaders(inbound.headers(), request.headers());
        String contentLength = inbound.getHeader("Content-Length");
        if (contentLength != null) {
            request.putHeader("Content-Length", contentLength);
        } else if (inbound.getHeader("Transfer-Encoding") != null) {
            request.setChunked(true);
        }
        request.putHeader("X-Forwarded-For", inbound.remoteAddress().hostAddress());
        request.putHeader("X-Forwarded-Proto", inbound.scheme());
        request.putHeader("X-Forwarded-Host", inbound.authority() == null ? "" : inbound.authority().toString());
    }

    private void relay(HttpClientResponse response, HttpServerResponse outbound) {
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

    private void fail(HttpServerResponse outbound, Upstream upstream, Throwable failure) {
        boolean silent = !(failure instanceof ConnectException) && failure.getClass().getSimpleName().contains("Timeout");
        if (silent) {
            Log.warnf("Upstream %s timed out: %s", upstream.name(), failure.getMessage());
            Problems.send(outbound, 504, "Gateway Timeout", "The " + upstream.name() + " service did not answer in time");
            return;
        }
        Log.warnf("Upstream %s unavailable: %s", upstream.name(), failure.toString());
        if (!outbound.headWritten()) {
            outbound.putHeader("Retry-After", String.valueOf(config.retryAfterSeconds()));
        }
        Problems.send(outbound, 503, "Service Unavailable", "The " + upstream.name() + " service is not available; try again later");
    }

    private static void copyHeaders(MultiMap from, MultiMap to) {
        from.forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase())) {
                to.add(header.getKey(), header.getValue());
            }
        });
    }
}
