package io.uptake.gateway.web;

import java.net.URI;
import java.util.Set;

/**
 * Whether a request authenticated by the session cookie may change something: a browser attaches the cookie
 * to requests other sites make, so a write must show that the app's own script sent it. It must carry
 * {@code X-Requested-With} (a header another site's form cannot set, and its script only after a CORS
 * preflight that the gateway refuses for unlisted origins), and where the browser states the origin
 * ({@code Origin}, {@code Sec-Fetch-Site}) it must be this host. Reads change nothing and pass.
 */
public final class CrossSiteRequests {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private CrossSiteRequests() {}

    /** {@code host} is the authority the request was sent to (the Host header). */
    public static boolean allowed(String method, String requestedWith, String origin, String fetchSite, String host) {
        if (SAFE.contains(method)) {
            return true;
        }
        if (requestedWith == null || requestedWith.isBlank()) {
            return false;
        }
        return sameSiteForm(origin, fetchSite, host);
    }

    /**
     * Whether a form post (which cannot carry {@code X-Requested-With}) came from this host's own page: where the
     * browser states the origin ({@code Origin}, {@code Sec-Fetch-Site}), it must be this host.
     */
    public static boolean sameSiteForm(String origin, String fetchSite, String host) {
        if (fetchSite != null) {
            // the page's no-referrer policy makes Chromium send "Origin: null" with its own forms; Sec-Fetch-Site
            // decides
            return fetchSite.equals("same-origin")
                    && (origin == null || origin.equals("null") || sameHost(origin, host));
        }
        return origin == null || sameHost(origin, host);
    }

    private static boolean sameHost(String origin, String host) {
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority != null && host != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }
}
