package io.uptake.gateway.support;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One packaged service (built earlier in the reactor) run as its own process on the real local
 * infrastructure: its {@code *_test} database, the {@code test.uptake.*} topics, the local Keycloak.
 */
public final class ServiceProcess {

    private static final Map<String, Map<String, String>> TOPICS = Map.of(
            "metrics",
                    Map.of(
                            "UPTAKE_TOPICS_USAGE_EVENTS", "test.uptake.usage-events",
                            "UPTAKE_TOPICS_PEOPLE", "test.uptake.people",
                            "UPTAKE_TOPICS_ADOPTION_SHORTFALLS", "test.uptake.adoption-shortfalls",
                            "UPTAKE_TOPICS_TRAINING_EVENTS", "test.uptake.training-events",
                            "UPTAKE_TOPICS_FOLLOW_UP_ACTIONS", "test.uptake.follow-up-actions",
                            "UPTAKE_TOPICS_DIGESTS", "test.uptake.digests"),
            "feedback",
                    Map.of(
                            "UPTAKE_TOPICS_FEEDBACK_EVENTS", "test.uptake.feedback-events",
                            "UPTAKE_TOPICS_DIGESTS", "test.uptake.digests"),
            "training",
                    Map.of(
                            "UPTAKE_TOPICS_TRAINING_EVENTS", "test.uptake.training-events",
                            "UPTAKE_TOPICS_PEOPLE", "test.uptake.people",
                            "UPTAKE_TOPICS_ADOPTION_SHORTFALLS", "test.uptake.adoption-shortfalls",
                            "UPTAKE_TOPICS_FOLLOW_UP_ACTIONS", "test.uptake.follow-up-actions"));

    private final String name;
    private final int port;
    private final Path log;
    private Process process;

    private ServiceProcess(String name) {
        this.name = name;
        this.port = freePort();
        this.log = Path.of("target", name + "-service-under-gateway.log");
    }

    /** Starts {@code <name>-service} (metrics, feedback or training); {@link #awaitReady()} waits for it. */
    public static ServiceProcess start(String name) {
        ServiceProcess service = new ServiceProcess(name);
        service.launch();
        return service;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    private void launch() {
        Path jar = Path.of(System.getProperty(
                "uptake.upstream." + name + "-jar", "../" + name + "-service/target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package " + name
                    + "-service first (./mvnw -DskipTests package -pl " + name + "-service)");
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(
                            javaBinary(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("DB_HOST", "localhost");
            env.put("DB_PORT", System.getenv().getOrDefault("UPTAKE_PG_PORT", "5433"));
            env.put("DB_NAME", name + "_test");
            env.put("DB_USER", "uptake");
            env.put("DB_PASSWORD", "uptake");
            env.put(
                    "KAFKA_BOOTSTRAP_SERVERS",
                    "localhost:" + System.getenv().getOrDefault("UPTAKE_KAFKA_PORT", "9092"));
            env.putAll(TOPICS.get(name));
            // feedback-service's %test webhook key (it runs the prod profile here, on the test database)
            env.put("UPTAKE_WEBHOOKS_SECRET_KEY", "ZGV2LWFuZC10ZXN0LW9ubHktd2ViaG9vay1rZXktMzI=");
            env.put("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", OtlpCollector.get().endpoint());
            env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms");
            // a backlog in the shared test outbox is relayed as thousands of sends at once: keep all their spans
            env.put("QUARKUS_OTEL_BSP_MAX_QUEUE_SIZE", "200000");
            env.put(
                    "OIDC_AUTH_SERVER_URL",
                    "http://localhost:" + System.getenv().getOrDefault("UPTAKE_KEYCLOAK_PORT", "8180")
                            + "/realms/uptake");
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + name + "-service", e);
        }
    }

    public void awaitReady() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        try {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .failFast(name + "-service exited early, see " + log.toAbsolutePath(), () -> !process.isAlive())
                    .until(() -> http.send(ready, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200);
        } catch (RuntimeException notReady) {
            stop();
            throw notReady;
        }
    }

    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
