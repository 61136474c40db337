package io.uptake.gateway.support;

import io.uptake.testsupport.PackagedService;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The packaged services (built earlier in the reactor) that the gateway's tests route to, each as its
 * own process on databases ({@code <name>_gateway_test}) and topics ({@code gateway-test.uptake.*}) of
 * the gateway module's own: what the services' own tests leave behind (an outbox backlog, a consumer
 * group's offsets) can neither slow nor sway these tests.
 */
public final class Upstreams {

    /** The topic twins of this module; the launcher creates them (dev/kafka/topics.txt). */
    public static final String TOPIC_PREFIX = "gateway-test.";

    private static final Map<String, List<String>> TOPICS = Map.of(
            "metrics",
            List.of("usage-events", "people", "adoption-shortfalls", "training-events", "follow-up-actions", "digests"),
            "feedback",
            List.of("feedback-events", "digests"),
            "training",
            List.of("training-events", "people", "adoption-shortfalls", "follow-up-actions"));

    private Upstreams() {}

    /** Starts {@code <name>-service} (metrics, feedback or training); {@link PackagedService#awaitReady()} waits for it. */
    public static PackagedService launch(String name) {
        return launch(name, Map.of());
    }

    /** Starts {@code <name>-service} with these settings (environment variables) besides its own. */
    public static PackagedService launch(String name, Map<String, String> extra) {
        Map<String, String> settings = settings(name);
        settings.putAll(extra);
        PackagedService service = new PackagedService(
                name + "-service",
                Path.of(System.getProperty(
                        "uptake.upstream." + name + "-jar",
                        "../" + name + "-service/target/quarkus-app/quarkus-run.jar")),
                name + "_gateway_test",
                settings,
                List.of("-XX:TieredStopAtLevel=1"),
                Path.of("target", name + "-service-under-gateway.log"));
        service.launch();
        return service;
    }

    /** The topic a service of these tests reads or writes for {@code topic} (such as {@code people}). */
    public static String topic(String topic) {
        return TOPIC_PREFIX + "uptake." + topic;
    }

    /** Stops a service (SIGTERM, SIGKILL after 20 s), for a resource's {@code stop()} that cannot throw. */
    public static void stop(PackagedService service) {
        try {
            service.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> settings(String name) {
        Map<String, String> settings = new HashMap<>();
        for (String topic : TOPICS.get(name)) {
            settings.put("UPTAKE_TOPICS_" + topic.toUpperCase(Locale.ROOT).replace('-', '_'), topic(topic));
        }
        // feedback-service's %test webhook key (it runs the prod profile here, on a test database)
        settings.put("UPTAKE_WEBHOOKS_SECRET_KEY", "ZGV2LWFuZC10ZXN0LW9ubHktd2ViaG9vay1rZXktMzI=");
        settings.put("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", OtlpCollector.get().endpoint());
        settings.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms");
        // every span reaches the tests' collector, however many a test makes at once
        settings.put("QUARKUS_OTEL_BSP_MAX_QUEUE_SIZE", "200000");
        return settings;
    }
}
