package io.uptake.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The packaged metrics-service behind the gateway; feedback and training point at a closed port, so
 * the tests also see how the gateway answers for an upstream that is down.
 */
public class MetricsServiceOnly implements QuarkusTestResourceLifecycleManager {

    private ServiceProcess metrics;

    @Override
    public Map<String, String> start() {
        metrics = ServiceProcess.start("metrics");
        metrics.awaitReady();
        String closed = "http://localhost:" + ServiceProcess.freePort();
        return Map.of(
                "uptake.gateway.routes.metrics.url",
                metrics.url(),
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
            metrics.stop();
        }
    }
}
