package io.uptake.gateway.protection;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.uptake.gateway.routing.GatewayConfig;
import io.uptake.gateway.routing.Problems;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;

/** The gateway's CORS, by {@link CorsPolicy}: before authentication, after the security headers are arranged. */
@ApplicationScoped
public class CrossOrigin {

    /** The browser tracker's script, which any web page may load. */
    public static final String TRACKER = "/tracker.js";

    private static final String METHODS = "GET, POST, PUT, DELETE, PATCH, OPTIONS";
    private static final String HEADERS = "Authorization, Content-Type, Accept, X-Request-Id, traceparent";
    private static final String EXPOSED = "Location, Retry-After, X-Request-Id, RateLimit-Limit, RateLimit-Remaining";

    private final GatewayConfig config;
    private final CorsPolicy policy;

    public CrossOrigin(GatewayConfig config) {
        this.config = config;
        this.policy = new CorsPolicy(Set.copyOf(config.corsOrigins().orElse(List.of())));
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 800); // SecurityHeaders (900) has arranged its headers by now
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String origin = CorsPolicy.statedOrigin(request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"));
        boolean preflight =
                request.method() == HttpMethod.OPTIONS && request.getHeader("Access-Control-Request-Method") != null;
        String path = request.path();
        boolean open = TRACKER.equals(path) || config.writeKeyPath(path);
        String host = request.authority() == null ? null : request.authority().toString();
        switch (policy.decide(origin, host, open, preflight)) {
            case PASS -> context.next();
            case REJECT ->
                Problems.send(
                        context.response(),
                        403,
                        "Forbidden",
                        "Cross-origin requests from " + origin
                                + " are refused: the origin is not listed (CORS_ORIGINS)");
            case PREFLIGHT ->
                context.response()
                        .setStatusCode(200)
                        .putHeader("Access-Control-Allow-Origin", origin)
                        .putHeader("Access-Control-Allow-Methods", METHODS)
                        .putHeader("Access-Control-Allow-Headers", HEADERS)
                        .putHeader("Access-Control-Max-Age", "3600")
                        .putHeader("Vary", "Origin")
                        .end();
            case ALLOW -> {
                context.addHeadersEndHandler(ignored -> context.response()
                        .putHeader("Access-Control-Allow-Origin", origin)
                        .putHeader("Access-Control-Expose-Headers", EXPOSED)
                        .putHeader("Vary", "Origin"));
                context.next();
            }
        }
    }
}
