package io.uptake.gateway.protection;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which cross-origin requests the gateway lets a browser make. The API answers the configured origins only; a
 * request with no {@code Origin}, or from the gateway's own, is no cross-origin request. The write-key routes and
 * the browser tracker's script are passed on: the key a request carries names the origins it may come from, and the
 * upstream that checks the key answers for it.
 */
public final class CorsPolicy {

    /** What to do with one request. */
    public enum Answer {
        /** Not the policy's to decide: on to the next handler, with no CORS headers added. */
        PASS,
        /** A listed origin: on, with {@code Access-Control-Allow-Origin} on the answer. */
        ALLOW,
        /** A listed origin's preflight: answered here. */
        PREFLIGHT,
        /** An origin that is not listed: refused with 403. */
        REJECT
    }

    private final Set<String> origins;

    public CorsPolicy(Set<String> origins) {
        this.origins = origins.stream().map(CorsPolicy::lower).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * {@code open}: a write-key route or the tracker's script; {@code preflight}: an {@code OPTIONS} request with
     * {@code Access-Control-Request-Method}; {@code host}: the request's own {@code Host}.
     */
    /**
     * The origin a request states for CORS: none when a same-origin request says {@code Origin: null}, as
     * Chromium does for the app's own form posts under its {@code no-referrer} policy.
     */
    public static String statedOrigin(String origin, String fetchSite) {
        return "null".equals(origin) && "same-origin".equals(fetchSite) ? null : origin;
    }

    public Answer decide(String origin, String host, boolean open, boolean preflight) {
        if (origin == null || open || sameHost(origin, host)) {
            return Answer.PASS;
        }
        if (!origins.contains(lower(origin))) {
            return Answer.REJECT;
        }
        return preflight ? Answer.PREFLIGHT : Answer.ALLOW;
    }

    private static boolean sameHost(String origin, String host) {
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority != null && host != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }

    private static String lower(String origin) {
        return origin.toLowerCase(Locale.ROOT);
    }
}
