package io.uptake.platform.api;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body larger than the HTTP limit with a problem detail before any of it is read. Quarkus
 * would refuse it too, but with an empty body; a declared {@code Content-Length} lets us say why.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long maxBytes;

    public BodySizeLimit(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") String maxBodySize) {
        this.maxBytes = bytes(maxBodySize);
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, 1000);
    }

    private void check(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
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
