package io.uptake.gateway.protection;

import io.quarkus.vertx.http.runtime.filters.Filters;
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

    void register(@Observes Filters filters) {
        filters.register(this::handle, 900);
    }

    private void handle(RoutingContext context) {
        boolean swaggerUi = context.request().path() != null && context.request().path().startsWith("/q/swagger-ui");
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            headers.set("Cross-Origin-Resource-Policy", "same-origin");
            headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            if (!swaggerUi) {
                headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            }
            headers.remove("Server");
            headers.remove("X-Powered-By");
        });
        context.next();
    }
}
