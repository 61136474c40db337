package io.uptake.gateway.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The session cookie is {@code SameSite=Strict}, so a browser arriving from another site (a link in the CRM
 * or in an email) does not send it: the app would start a new sign-in, whose redirects stay part of that
 * cross-site navigation, so the new cookie would be withheld again. Such an arrival instead gets a page that
 * reloads its own address at once: a navigation of this site, which carries the cookie.
 */
@ApplicationScoped
public class CrossSiteArrival {

    void register(@Observes Filters filters) {
        filters.register(this::handle, 690);
    }

    private void handle(RoutingContext context) {
        String path = context.request().path();
        if (context.request().method() == HttpMethod.GET
                && path != null
                && (path.equals("/web") || path.startsWith("/web/"))
                && "cross-site".equals(context.request().getHeader("Sec-Fetch-Site"))
                && "navigate".equals(context.request().getHeader("Sec-Fetch-Mode"))) {
            WebApp.page(
                    context,
                    "Uptake",
                    "<meta http-equiv=\"refresh\" content=\"0\">",
                    "<main><p>Opening Uptake… <a href=\""
                            + WebApp.escape(context.request().uri()) + "\">Continue</a></p></main>");
            return;
        }
        context.next();
    }
}
