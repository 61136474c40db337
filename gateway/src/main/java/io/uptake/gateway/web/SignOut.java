package io.uptake.gateway.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.uptake.gateway.routing.Problems;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Signing out is a form the app's own page posts to {@code /web/logout}; only then does the OIDC tenant end
 * the session (at Keycloak too). Another site can link to that address or load it in an image, so a plain
 * GET signs no one out: it answers a page with the sign-out button. A post another site's form sends is
 * refused ({@link CrossSiteRequests#sameSiteForm}).
 */
@ApplicationScoped
public class SignOut {

    public static final String PATH = "/web/logout";

    void register(@Observes Filters filters) {
        filters.register(this::handle, 700);
    }

    private void handle(RoutingContext context) {
        if (!PATH.equals(context.request().path())) {
            context.next();
            return;
        }
        HttpMethod method = context.request().method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            WebApp.page(
                    context,
                    "Sign out",
                    "<main><h1>Sign out</h1><p>Sign out of Uptake on this device?</p>" + FORM
                            + " <a href=\"/web/\">Stay signed in</a></main>");
        } else if (method != HttpMethod.POST) {
            context.response().putHeader("Allow", "GET, POST");
            Problems.send(context.response(), 405, "Method Not Allowed", "Sign out with a POST from the app's page");
        } else if (!CrossSiteRequests.sameSiteForm(
                context.request().getHeader("Origin"),
                context.request().getHeader("Sec-Fetch-Site"),
                context.request().host())) {
            Problems.send(context.response(), 403, "Forbidden", "Sign out from Uptake's own page");
        } else {
            context.next();
        }
    }

    /** The sign-out button: a form posted to {@link #PATH}. */
    public static final String FORM = "<form method=\"post\" action=\"" + PATH
            + "\" class=\"sign-out\"><button type=\"submit\">Sign out</button></form>";
}
