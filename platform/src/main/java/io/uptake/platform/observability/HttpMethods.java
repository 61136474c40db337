package io.uptake.platform.observability;

import java.util.Set;

/**
 * The method tag of request metrics: the methods of HTTP (RFC 9110) as they are, any other as {@code OTHER}, so that a
 * caller inventing methods cannot make a series per method (each series stays in memory and in every scrape).
 */
public final class HttpMethods {

    public static final String OTHER = "OTHER";
    private static final Set<String> STANDARD =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

    private HttpMethods() {}

    public static String tag(String method) {
        return method != null && STANDARD.contains(method) ? method : OTHER;
    }
}
