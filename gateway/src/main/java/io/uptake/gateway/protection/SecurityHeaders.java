package io.uptake.gateway.protection;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.uptake.gateway.routing.GatewayConfig;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Sets the security headers on every response, the gateway's own and the relayed ones alike (they
 * replace whatever an upstream sent), and drops headers that name the software behind the gateway.
 */
@ApplicationScoped
public class SecurityHeaders {

    private final GatewayConfig config;

    public SecurityHeaders(GatewayConfig config) {
        this.config = config;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 900);
    }

    /**
     * The web app's pages load their own scripts, styles and data only; nothing inline runs (the page's
     * data block is JSON, which is never executed), and no other site may frame them.
     */
    static final String WEB_APP_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self' data: blob:; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private void handle(RoutingContext context) {
        String path = context.request().path() == null ? "" : context.request().path();
        boolean swaggerUi = path.startsWith("/q/swagger-ui");
        boolean webApp = path.equals("/web") || path.startsWith("/web/");
        // the tracker's script and the write-key routes serve other sites' pages (CORS decides who may read them)
        boolean shared = path.equals(CrossOrigin.TRACKER) || config.writeKeyPath(path);
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            headers.set("Cross-Origin-Resource-Policy", shared ? "cross-origin" : "same-origin");
            headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            if (webApp) {
                headers.set("Content-Security-Policy", WEB_APP_POLICY);
            } else if (!swaggerUi) {
                headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            }
            headers.remove("Server");
            headers.remove("X-Powered-By");
        });
        context.next();
    }
}
