package io.uptake.gateway.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.uptake.gateway.routing.GatewayConfig;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs first, before authentication, on every request: gives it a request id (the caller's, if it is
 * a sane one, else a new one) that goes on the response and to the upstream, and records one timer
 * sample per request, tagged by route, method and status ({@code uptake_gateway_requests_seconds},
 * with histogram buckets). The W3C trace context is OpenTelemetry's: the server span continues the
 * caller's {@code traceparent} (or starts a trace) and the call upstream carries it on. It runs before
 * authentication, so the series stay bounded whatever a caller sends: methods outside HTTP's are tagged
 * {@code OTHER}, and past {@value #MAX_SERIES} series the rest share one overflow series.
 */
@ApplicationScoped
public class RequestTelemetry {

    public static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    static final int MAX_SERIES = 500;
    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

    private final MeterRegistry registry;
    private final List<Map.Entry<String, String>> prefixes;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public RequestTelemetry(MeterRegistry registry, GatewayConfig config) {
        this.registry = registry;
        this.prefixes = config.routes().entrySet().stream()
                .map(route -> Map.entry(route.getValue().prefix(), route.getKey()))
                .toList();
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 1000);
    }

    private void handle(RoutingContext context) {
        long start = System.nanoTime();
        String given = context.request().getHeader(REQUEST_ID);
        String requestId = given != null && SANE_REQUEST_ID.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        context.put(REQUEST_ID, requestId);
        context.addHeadersEndHandler(ignored -> context.response().headers().set(REQUEST_ID, requestId));
        String route = route(context.request().path());
        String method = methodTag(context.request().method().name());
        context.addEndHandler(ended -> timer(route, method, context.response().getStatusCode())
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        context.next();
    }

    /** The methods of HTTP (RFC 9110) as they are, any other as {@code OTHER} (the services' rule too). */
    static String methodTag(String method) {
        return method != null && METHODS.contains(method) ? method : "OTHER";
    }

    private Timer timer(String route, String method, int status) {
        String key = route + ' ' + method + ' ' + status;
        Timer timer = timers.get(key);
        if (timer != null) {
            return timer;
        }
        if (timers.size() >= MAX_SERIES) {
            return timers.computeIfAbsent("overflow", ignored -> newTimer("other", "OTHER", "other"));
        }
        return timers.computeIfAbsent(key, ignored -> newTimer(route, method, String.valueOf(status)));
    }

    private Timer newTimer(String route, String method, String status) {
        return Timer.builder("uptake.gateway.requests")
                .description("Requests through the gateway, by route, method and status")
                .tag("route", route)
                .tag("method", method)
                .tag("status", status)
                .publishPercentileHistogram()
                .register(registry);
    }

    private String route(String path) {
        if (path == null) {
            return "other";
        }
        for (Map.Entry<String, String> prefix : prefixes) {
            if (path.equals(prefix.getKey()) || path.startsWith(prefix.getKey() + "/")) {
                return prefix.getValue();
            }
        }
        return path.startsWith("/q/") ? "management" : "other";
    }

    public static String requestId(RoutingContext context) {
        return context.get(REQUEST_ID);
    }
}
