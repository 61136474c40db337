package io.uptake.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.uptake.testsupport.PackagedService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The three packaged services, started side by side, behind the gateway. Every test class that names
 * this resource shares one gateway and one start of the services ({@code @WithTestResource}'s default
 * scope: consecutive classes with the same resources do not restart Quarkus).
 */
public class AllServices implements QuarkusTestResourceLifecycleManager {

    private List<PackagedService> services = List.of();

    @Override
    public Map<String, String> start() {
        PackagedService metrics = Upstreams.launch("metrics");
        PackagedService feedback = Upstreams.launch("feedback");
        PackagedService training = Upstreams.launch("training");
        services = List.of(metrics, feedback, training);
        try {
            services.forEach(PackagedService::awaitReady);
        } catch (RuntimeException notReady) {
            stop();
            throw notReady;
        }
        return Map.of(
                "uptake.gateway.routes.metrics.url", metrics.baseUrl(),
                "uptake.gateway.routes.feedback.url", feedback.baseUrl(),
                "uptake.gateway.routes.training.url", training.baseUrl(),
                "uptake.gateway.routes.metrics.management-url", metrics.managementUrl(),
                "uptake.gateway.routes.tracking.management-url", metrics.managementUrl(),
                "uptake.gateway.routes.scim.management-url", metrics.managementUrl(),
                "uptake.gateway.routes.event-logs.management-url", metrics.managementUrl(),
                "uptake.gateway.routes.feedback.management-url", feedback.managementUrl(),
                "uptake.gateway.routes.training.management-url", training.managementUrl(),
                "quarkus.otel.exporter.otlp.traces.endpoint",
                        OtlpCollector.get().endpoint());
    }

    /** Side by side: each takes several seconds to stop gracefully, and the next test class waits for all three. */
    @Override
    public void stop() {
        try (ExecutorService stopping = Executors.newVirtualThreadPerTaskExecutor()) {
            services.forEach(service -> stopping.submit(() -> Upstreams.stop(service)));
        }
    }
}
