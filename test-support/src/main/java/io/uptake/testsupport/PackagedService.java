package io.uptake.testsupport;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A packaged service ({@code target/quarkus-app/quarkus-run.jar}, or the {@code uptake.app-jar} property)
 * as its own process on the local infrastructure and its test database, so a test can kill -9 it and
 * start it again. {@code settings} are further environment variables, such as the topics
 * ({@code UPTAKE_TOPICS_*}) the test wants it on; {@code jvmOptions} go on the java command line.
 */
public final class PackagedService {

    private final String name;
    private final String database;
    private final Map<String, String> settings;
    private final List<String> jvmOptions;
    private final Path log;
    private final Path jar;
    private final int port;
    private final int managementPort;
    private Process process;

    /** This module's own packaged app ({@code uptake.app-jar}, as failsafe sets it). */
    public PackagedService(
            String name, String database, Map<String, String> settings, List<String> jvmOptions, Path log) {
        this(
                name,
                Path.of(System.getProperty("uptake.app-jar", "target/quarkus-app/quarkus-run.jar")),
                database,
                settings,
                jvmOptions,
                log);
    }

    /** Another module's packaged app, such as the services the gateway's tests route to. */
    public PackagedService(
            String name, Path jar, String database, Map<String, String> settings, List<String> jvmOptions, Path log) {
        this.name = name;
        this.database = database;
        this.settings = Map.copyOf(settings);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.log = log;
        this.jar = jar;
        this.port = freePort();
        this.managementPort = freePort();
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int managementPort() {
        return managementPort;
    }

    /** Where the app's management interface answers ({@code /q/health}, {@code /q/metrics}, {@code /q/openapi}). */
    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    /** Starts the process and waits until it is ready. */
    public void start() {
        launch();
        awaitReady();
    }

    /** Starts the process without waiting, so that several can start side by side ({@link #awaitReady()}). */
    public void launch() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: the tests need the packaged app (mvn package, or verify)");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        env.put("DB_HOST", "localhost");
        env.put("DB_PORT", LocalInfrastructure.postgresPort());
        env.put("DB_NAME", database);
        env.put("DB_USER", "uptake");
        env.put("DB_PASSWORD", "uptake");
        env.put("KAFKA_BOOTSTRAP_SERVERS", LocalInfrastructure.kafkaBootstrap());
        env.put("OIDC_AUTH_SERVER_URL", LocalInfrastructure.realmUrl());
        env.putAll(settings);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + name, e);
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no offset commit. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, and SIGKILL for a process still running 20 s later. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /**
     * SIGTERM, as Kubernetes and the launcher send it, and the time the app took to exit; one that is
     * still running after 30 s (Kubernetes' grace period) is killed, and 30 s is returned.
     */
    public Duration terminate() throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return Duration.ofSeconds(30);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Waits (up to 120 s) until the process answers ready; fails at once if it exits. */
    public void awaitReady() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(IOException.class)
                .failFast(name + " exited early, see " + log.toAbsolutePath(), () -> !process.isAlive())
                .until(() ->
                        http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private static String javaBinary() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    }

    /** A port nothing listens on at the moment. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
