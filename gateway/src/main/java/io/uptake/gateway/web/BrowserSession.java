package io.uptake.gateway.web;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The browser's way in: {@code /web} is the OIDC tenant {@code web} (authorization-code flow with PKCE
 * on the public client {@code uptake-web}); Quarkus signs the person in and keeps the session in an
 * encrypted cookie. {@code /web/logout} ends it, at Keycloak too, and lands on {@code /signed-out}.
 */
@ApplicationScoped
public class BrowserSession {

    void register(@Observes Router router) {
        router.get("/web").handler(this::whoAmI);
        router.get("/web/").handler(this::whoAmI);
        router.get("/signed-out").handler(context -> page(context, "Signed out", "<p>You are signed out. <a href=\"/web\">Sign in</a></p>"));
    }

    private void whoAmI(RoutingContext context) {
        String name = "?";
        if (context.user() instanceof QuarkusHttpUser user && user.getSecurityIdentity().getPrincipal() instanceof JsonWebToken token) {
            String username = token.getClaim("preferred_username");
            name = username != null ? username : token.getName();
        }
        page(context, "Uptake", "<p>Signed in as <strong>" + escape(name) + "</strong>. <a href=\"/web/logout\">Sign out</a></p>");
    }

    private static void page(RoutingContext context, String title, String body) {
        context.response()
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end("<!doctype html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>" + body + "</body></html>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
