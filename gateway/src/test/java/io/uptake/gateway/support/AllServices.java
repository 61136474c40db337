package io.uptake.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;

/** The three packaged services, started side by side, behind the gateway. */
public class AllServices implements QuarkusTestResourceLifecycleManager {

    private List<ServiceProcess> services = List.of();

    @Override
    public Map<String, String> start() {
        ServiceProcess metrics = ServiceProcess.start("metrics");
        ServiceProcess feedback = ServiceProcess.start("feedback");
        ServiceProcess training = ServiceProcess.start("training");
        services = List.of(metrics, feedback, training);
        services.forEach(ServiceProcess::awaitReady);
        return Map.of(
                "uptake.gateway.routes.metrics.url", metrics.url(),
                "uptake.gateway.routes.feedback.url", feedback.url(),
                "uptake.gateway.routes.training.url", training.url(),
                "quarkus.otel.exporter.otlp.traces.endpoint",
                        OtlpCollector.get().endpoint());
    }

    @Override
    public void stop() {
        services.forEach(ServiceProcess::stop);
    }
}
