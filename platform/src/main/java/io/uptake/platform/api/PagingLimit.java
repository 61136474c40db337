package io.uptake.platform.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every list takes {@code page} and {@code size}; how far into a list a page may start is bounded, so
 * that {@code page × size} can neither overflow nor make the database skip millions of rows. Beyond
 * it the answer is a 400 naming {@code page} (filters narrow a list better).
 */
public class PagingLimit {

    /** The furthest row a page may start at. */
    public static final long MAX_OFFSET = 1_000_000;

    @ServerRequestFilter
    public void bound(ContainerRequestContext request) {
        var query = request.getUriInfo().getQueryParameters();
        Long page = number(query.getFirst("page"));
        Long size = number(query.getFirst("size"));
        if (page != null && size != null && page > 0 && size > 0 && page * size > MAX_OFFSET) {
            throw new InvalidInput(
                    "page", "page × size must be at most " + MAX_OFFSET + "; narrow the list with its filters");
        }
    }

    /** The row a page starts at. */
    public static long offset(int page, int size) {
        return (long) page * size;
    }

    private static Long number(String text) {
        if (text == null || text.length() > 10) {
            return null; // not a page number at all: the parameter's own validation answers
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
