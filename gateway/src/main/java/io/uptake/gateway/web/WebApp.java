package io.uptake.gateway.web;

import io.quarkiverse.web.bundler.runtime.Bundle;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The browser app under {@code /web}: the OIDC tenant {@code web} (authorization-code flow with PKCE on the
 * public client {@code uptake-web}) signs the person in and keeps the session in an encrypted cookie;
 * every address under {@code /web} answers the same page, which draws the view for its path (Lit
 * components bundled by the Web Bundler). The page carries who is signed in, read from the session's
 * access token, so that it offers only what the person's roles allow (the API still decides).
 * A post to {@code /web/logout} ({@link SignOut}) ends the session, at Keycloak too, and lands on
 * {@code /signed-out}.
 */
@ApplicationScoped
public class WebApp {

    private final Bundle bundle;

    public WebApp(Bundle bundle) {
        this.bundle = bundle;
    }

    void register(@Observes Router router) {
        router.get("/").handler(context -> context.redirect("/web/"));
        router.get("/signed-out")
                .handler(
                        context -> page(
                                context,
                                "Signed out",
                                "<main><h1>Signed out</h1><p>You are signed out. <a href=\"/web/\">Sign in again</a></p></main>"));
        router.get("/web").handler(this::shell);
        router.get("/web/*").handler(this::shell);
    }

    private void shell(RoutingContext context) {
        JsonObject me = whoIsSignedIn(context);
        String name = me.getString("name", me.getString("username"));
        String body = "<uptake-app><noscript>Signed in as <strong>" + escape(me.getString("username")) + "</strong>. "
                + "This app needs JavaScript. " + SignOut.FORM + "</noscript></uptake-app>"
                + "<script type=\"application/json\" id=\"uptake-me\">"
                + me.encode().replace("<", "\\u003c") + "</script>"
                + "<script type=\"module\" src=\"" + bundle.script("app") + "\"></script>";
        String head = "<link rel=\"stylesheet\" href=\"" + bundle.style("app") + "\">"
                + "<meta name=\"uptake-charts\" content=\"" + bundle.script("charts") + "\">";
        page(context, "Uptake · " + escape(name), head, body);
    }

    /** The signed-in person as the services see them: user id, name, roles, unit and role from the access token. */
    static JsonObject whoIsSignedIn(RoutingContext context) {
        JsonObject me = new JsonObject().put("username", "?").put("roles", new JsonArray());
        if (!(context.user() instanceof QuarkusHttpUser user)) {
            return me;
        }
        AccessTokenCredential access = user.getSecurityIdentity().getCredential(AccessTokenCredential.class);
        if (access == null) {
            return me.put("username", user.getSecurityIdentity().getPrincipal().getName());
        }
        JsonObject claims = claims(access.getToken());
        JsonObject realmAccess = claims.getJsonObject("realm_access", new JsonObject());
        return me.put(
                        "username",
                        claims.getString(
                                "preferred_username",
                                user.getSecurityIdentity().getPrincipal().getName()))
                .put("name", claims.getString("name"))
                .put("roles", realmAccess.getJsonArray("roles", new JsonArray()))
                .put("businessUnit", claims.getString("business_unit"))
                .put("jobRole", claims.getString("job_role"));
    }

    /** The payload of a JWT the session received from Keycloak's token endpoint (over TLS in production). */
    private static JsonObject claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return new JsonObject();
        }
        return new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    static void page(RoutingContext context, String title, String body) {
        page(context, title, "", body);
    }

    static void page(RoutingContext context, String title, String head, String body) {
        context.response()
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><link rel=\"icon\" href=\"data:,\">"
                        + "<title>" + title + "</title>"
                        + head + "</head><body>" + body + "</body></html>");
    }

    static String escape(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }
}
