package io.uptake.gateway;

import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
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
 * Starts the packaged metrics-service as its own process, on the real local infrastructure, so that
 * the gateway's tests go through the gateway to a real service. Feedback and training point at a
 * closed port, so the tests also see how the gateway answers for an upstream that is down.
 */
public class MetricsServiceProcess implements QuarkusTestResourceLifecycleManager {

    private Process process;

    @Override
    public Map<String, String> start() {
        Path jar = Path.of(System.getProperty("uptake.upstream.metrics-jar", "../metrics-service/target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build metrics-service first (./mvnw -pl metrics-service,gateway verify)");
        }
        int port = freePort();
        Path log = Path.of("target", "metrics-service-under-gateway.log");
        try {
            ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx384m", "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("DB_HOST", "localhost");
            env.put("DB_PORT", System.getenv().getOrDefault("UPTAKE_PG_PORT", "5433"));
            env.put("DB_NAME", "metrics_test");
            env.put("DB_USER", "uptake");
            env.put("DB_PASSWORD", "uptake");
            env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + System.getenv().getOrDefault("UPTAKE_KAFKA_PORT", "9092"));
            env.put("UPTAKE_TOPICS_USAGE_EVENTS", "test.gateway.uptake.usage-events");
            env.put("OIDC_AUTH_SERVER_URL", "http://localhost:" + System.getenv().getOrDefault("UPTAKE_KEYCLOAK_PORT", "8180") + "/realms/uptake");
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start metrics-service", e);
        }
        awaitReady(port, log);
        int closedPort = freePort();
        return Map.of(
                "uptake.gateway.routes.metrics.url", "http://localhost:" + port,
                "uptake.gateway.routes.feedback.url", "http://localhost:" + closedPort,
                "uptake.gateway.routes.training.url", "http://localhost:" + closedPort);
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
        }
    }

    private void awaitReady(int port, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptionsInstanceOf(IOException.class)
                    .failFast("metrics-service exited early, see " + log.toAbsolutePath(), () -> !process.isAlive())
                    .until(() -> http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        } catch (RuntimeException notReady) {
            process.destroy();
            throw notReady;
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
