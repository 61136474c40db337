package io.uptake.platform.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Keeps the services' request metrics ({@code http_server_requests_seconds}) bounded whatever callers send: methods
 * outside HTTP's are tagged {@code OTHER}, and the paths are at most {@value #MAX_URIS} (Quarkus's templated paths;
 * beyond, new ones are dropped), so an unauthenticated caller cannot grow the heap or the scrape.
 */
public class BoundedRequestMetrics {

    static final String REQUESTS = "http.server.requests";
    static final int MAX_URIS = 200;

    @Produces
    @Singleton
    MeterFilter standardMethodsOnly() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().startsWith(REQUESTS)) {
                    return id;
                }
                String method = id.getTag("method");
                if (method == null || method.equals(HttpMethods.tag(method))) {
                    return id;
                }
                List<Tag> tags = id.getTags().stream()
                        .map(tag -> tag.getKey().equals("method") ? Tag.of("method", HttpMethods.OTHER) : tag)
                        .toList();
                return id.replaceTags(tags);
            }
        };
    }

    @Produces
    @Singleton
    MeterFilter boundedPaths() {
        return MeterFilter.maximumAllowableTags(REQUESTS, "uri", MAX_URIS, MeterFilter.deny());
    }
}
