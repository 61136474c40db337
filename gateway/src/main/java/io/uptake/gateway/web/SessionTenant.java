package io.uptake.gateway.web;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which OIDC tenant checks a request: {@code web} (the browser session cookie) for the app's pages, and for
 * API calls the app's scripts make with that cookie and no bearer token; the default tenant (bearer tokens)
 * for everything else. A request with an {@code Authorization} header is always judged by its token.
 */
@ApplicationScoped
public class SessionTenant implements TenantResolver {

    static final String SESSION_COOKIE = "q_session_web";

    @Override
    public String resolve(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.equals("/web") || path.startsWith("/web/")) {
            return "web";
        }
        if (path.startsWith("/api/")
                && context.request().getHeader("Authorization") == null
                && hasSessionCookie(context)) {
            return "web";
        }
        return null;
    }

    static boolean hasSessionCookie(RoutingContext context) {
        String cookies = context.request().getHeader("Cookie");
        return cookies != null && cookies.contains(SESSION_COOKIE);
    }
}
