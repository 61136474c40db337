package io.uptake.gateway.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.uptake.gateway.routing.GatewayConfig;
import io.uptake.gateway.routing.Upstream;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The state of each upstream, in the health group {@code upstreams} ({@code /q/health/group/upstreams}):
 * not in readiness, so that the gateway stays in the load balancer while one upstream is away (its
 * routes answer 503 with {@code Retry-After}; the others keep working).
 */
@HealthGroup("upstreams")
@ApplicationScoped
public class UpstreamsHealthCheck implements AsyncHealthCheck {

    private final GatewayConfig config;
    private final HttpClient client;

    public UpstreamsHealthCheck(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.client = vertx.createHttpClient(Upstream.clientOptions(config)
                .setConnectTimeout((int) config.healthTimeout().toMillis()));
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Multi.createFrom()
                .iterable(config.routes().entrySet())
                .onItem()
                .transformToUniAndMerge(route -> isReady(Upstream.managementOf(route.getKey(), route.getValue()))
                        .map(ready -> Map.entry(route.getKey(), ready)))
                .collect()
                .asList()
                .map(states -> {
                    HealthCheckResponseBuilder response =
                            HealthCheckResponse.named("upstreams").up();
                    states.forEach(state -> {
                        response.withData(state.getKey(), state.getValue() ? "UP" : "DOWN");
                        if (!state.getValue()) {
                            response.down();
                        }
                    });
                    return response.build();
                });
    }

    private Uni<Boolean> isReady(Upstream upstream) {
        RequestOptions options = upstream.request()
                .setMethod(HttpMethod.GET)
                .setURI("/q/health/ready")
                .setTimeout(config.healthTimeout().toMillis());
        return client.request(options)
                .flatMap(request -> request.send())
                .flatMap(response -> response.body().map(ignored -> response))
                .map(HttpClientResponse::statusCode)
                .map(status -> status == 200)
                .onFailure()
                .recoverWithItem(false);
    }
}
