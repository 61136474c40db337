package io.uptake.feedback.support;

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

/** The packaged feedback-service as its own process on the local infrastructure, so a test can kill -9 it and start it again. */
public final class PackagedService {

    private final Path jar;
    private final int port;
    private final String feedbackEventsTopic;
    private final Path log;
    private Process process;

    public PackagedService(String feedbackEventsTopic, Path log) {
        this.jar = Path.of(System.getProperty("uptake.app-jar", "target/quarkus-app/quarkus-run.jar"));
        this.port = freePort();
        this.feedbackEventsTopic = feedbackEventsTopic;
        this.log = log;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public void start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the integration tests need the packaged app (mvn verify)");
        }
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx512m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("DB_HOST", "localhost");
        env.put("DB_PORT", System.getenv().getOrDefault("UPTAKE_PG_PORT", "5433"));
        env.put("DB_NAME", "feedback_test");
        env.put("DB_USER", "uptake");
        env.put("DB_PASSWORD", "uptake");
        env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + System.getenv().getOrDefault("UPTAKE_KAFKA_PORT", "9092"));
        env.put("UPTAKE_TOPICS_FEEDBACK_EVENTS", feedbackEventsTopic);
        env.put("UPTAKE_WEBHOOKS_INITIAL_BACKOFF", "200ms");
        env.put("UPTAKE_WEBHOOKS_POLL_INTERVAL", "100ms");
        env.put("OIDC_AUTH_SERVER_URL", "http://localhost:" + System.getenv().getOrDefault("UPTAKE_KEYCLOAK_PORT", "8180") + "/realms/uptake");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start feedback-service", e);
        }
        awaitReady();
    }

    /** SIGKILL: no shutdown hook, no flush, no offset commit. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptionsInstanceOf(IOException.class)
                .failFast("feedback-service exited early, see " + log.toAbsolutePath(), () -> !process.isAlive())
                .until(() -> http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
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
