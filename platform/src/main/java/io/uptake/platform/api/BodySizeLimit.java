package io.uptake.platform.api;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body larger than the HTTP limit with a problem detail before any of it is read. Quarkus
 * would refuse it too, but with an empty body; a declared {@code Content-Length} lets us say why.
 *
 * <p>The limit is {@code uptake.http.max-body-size} (default 10 MB), except on the paths of
 * {@code uptake.http.large-body-paths} (uploads that the service streams, such as Salesforce EventLogFiles), which
 * take up to the server's ceiling, {@code quarkus.http.limits.max-body-size}. A body sent without a declared length
 * (chunked, as the gateway forwards every body) is held to the ceiling while it is read; the gateway holds each of
 * its routes to the route's own limit.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long ceiling;
    private final long usual;
    private final Set<String> largeBodyPaths;

    public BodySizeLimit(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") String ceiling,
            @ConfigProperty(name = "uptake.http.max-body-size", defaultValue = "10240K") String usual,
            @ConfigProperty(name = "uptake.http.large-body-paths") Optional<List<String>> largeBodyPaths) {
        this.ceiling = bytes(ceiling);
        this.usual = Math.min(bytes(usual), this.ceiling);
        this.largeBodyPaths = Set.copyOf(largeBodyPaths.orElse(List.of()));
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, 1000);
    }

    /** The most bytes a request to this path may carry. */
    long limitFor(String path) {
        return largeBodyPaths.contains(path) ? ceiling : usual;
    }

    private void check(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long maxBytes = limitFor(context.request().path());
        if (declared != null
                && declared.chars().allMatch(Character::isDigit)
                && declared.length() < 19
                && Long.parseLong(declared) > maxBytes) {
            Problem problem = new Problem(
                    "https://uptake.io/problems/too-large",
                    "Request body too large",
                    413,
                    "The body has " + declared + " bytes; this service takes at most " + maxBytes,
                    List.of(new Problem.FieldError("body", "at most " + maxBytes + " bytes")));
            context.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(Json.encode(problem));
            return;
        }
        context.next();
    }

    static long bytes(String size) {
        String value = size.trim().toUpperCase();
        long unit = switch (value.charAt(value.length() - 1)) {
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            case 'G' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        String digits = unit == 1 ? value : value.substring(0, value.length() - 1);
        return Long.parseLong(digits) * unit;
    }
}
