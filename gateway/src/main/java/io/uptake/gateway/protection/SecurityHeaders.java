package io.uptake.gateway.protection;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.uptake.gateway.routing.GatewayConfig;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sets the security headers on every response, the gateway's own and the relayed ones alike (they
 * replace whatever an upstream sent), and drops headers that name the software behind the gateway.
 */
@ApplicationScoped
public class SecurityHeaders {

    private final GatewayConfig config;
    private final String webAppPolicy;

    public SecurityHeaders(
            GatewayConfig config,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl) {
        this.config = config;
        this.webAppPolicy = webAppPolicy(config.signInOrigin().or(() -> authServerUrl.map(SecurityHeaders::origin)));
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 900);
    }

    /**
     * The web app's pages load their own scripts, styles and data only; nothing inline runs (the page's
     * data block is JSON, which is never executed), and no other site may frame them.
     */
    static String webAppPolicy(Optional<String> signInOrigin) {
        return "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                + "img-src 'self' data: blob:; font-src 'self'; base-uri 'none'; form-action 'self'"
                + signInOrigin.map(origin -> " " + origin).orElse("") + "; frame-ancestors 'none'";
    }

    /** The scheme, host and port of an address. */
    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

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
                headers.set("Content-Security-Policy", webAppPolicy);
            } else if (!swaggerUi) {
                headers.set("Content-Security-Policy", "default-src 'none'; img-src data:; frame-ancestors 'none'");
            }
            headers.remove("Server");
            headers.remove("X-Powered-By");
        });
        context.next();
    }
}
