package io.uptake.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.uptake.testsupport.PackagedService;
import java.util.Map;

/**
 * The packaged metrics-service behind the gateway; feedback and training point at a closed port, so
 * the tests also see how the gateway answers for an upstream that is down. The classes that name it
 * share one gateway and one metrics-service.
 */
public class MetricsServiceOnly implements QuarkusTestResourceLifecycleManager {

    private PackagedService metrics;

    @Override
    public Map<String, String> start() {
        metrics = Upstreams.launch("metrics");
        try {
            metrics.awaitReady();
        } catch (RuntimeException notReady) {
            stop();
            throw notReady;
        }
        String closed = "http://localhost:" + PackagedService.freePort();
        return Map.of(
                "uptake.gateway.routes.metrics.url",
                metrics.baseUrl(),
                "uptake.gateway.routes.feedback.url",
                closed,
                "uptake.gateway.routes.training.url",
                closed,
                "quarkus.otel.exporter.otlp.traces.endpoint",
                OtlpCollector.get().endpoint());
    }

    @Override
    public void stop() {
        if (metrics != null) {
            Upstreams.stop(metrics);
        }
    }
}
