package io.uptake.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.uptake.gateway.support.Upstreams;
import io.uptake.testsupport.PackagedService;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged gateway, in front of the packaged metrics-service, gets SIGTERM while four clients keep
 * reading through it: it exits within 10 s, and every request it answered was served (2xx) or refused
 * as it stopped (503), none failed half-way (500, 502, 504).
 */
class ShutdownIT {

    private static final String KEYCLOAK =
            "http://localhost:" + System.getenv().getOrDefault("UPTAKE_KEYCLOAK_PORT", "8180") + "/realms/uptake";

    @Test
    void aSigtermUnderLoadEndsTheGatewayWithin10SecondsAndEveryAnswerIsServedOrRefused() throws Exception {
        PackagedService metrics = Upstreams.launch("metrics");
        Process gateway = null;
        try {
            metrics.awaitReady();
            int port = PackagedService.freePort();
            int managementPort = PackagedService.freePort();
            ProcessBuilder builder = new ProcessBuilder(
                            ProcessHandle.current().info().command().orElse("java"),
                            "-Xmx384m",
                            "-jar",
                            System.getProperty("uptake.app-jar", "target/quarkus-app/quarkus-run.jar"))
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target", "gateway-shutdown-it.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
            env.put("OIDC_AUTH_SERVER_URL", KEYCLOAK);
            env.put("UPSTREAM_METRICS_URL", metrics.baseUrl());
            env.put("UPSTREAM_METRICS_MANAGEMENT_URL", metrics.managementUrl());
            env.put("UPSTREAM_FEEDBACK_URL", "http://localhost:1");
            env.put("UPSTREAM_TRAINING_URL", "http://localhost:1");
            env.put("UPTAKE_TRACING_DISABLED", "true");
            env.put("RATE_LIMIT_USER_REQUESTS", "1000000");
            gateway = builder.start();
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            String base = "http://localhost:" + port;
            Process running = gateway;
            await().atMost(Duration.ofSeconds(60))
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .failFast("the gateway exited, see target/gateway-shutdown-it.log", () -> !running.isAlive())
                    .until(() -> http.send(
                                            HttpRequest.newBuilder(URI.create(
                                                            "http://localhost:" + managementPort + "/q/health/ready"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200);
            String token = token(http);
            Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> readers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                readers.add(Thread.ofVirtual().start(() -> {
                    HttpRequest read = HttpRequest.newBuilder(URI.create(base + "/api/metrics/actions?size=20"))
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(10))
                            .build();
                    for (int n = 0; n < 100_000 && !stop.get(); n++) {
                        try {
                            int status = http.send(read, HttpResponse.BodyHandlers.discarding())
                                    .statusCode();
                            answers.computeIfAbsent(status, s -> new AtomicInteger())
                                    .incrementAndGet();
                        } catch (IOException gone) {
                            return; // the gateway stopped listening
                        } catch (InterruptedException interrupted) {
                            return;
                        }
                    }
                }));
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> answers.getOrDefault(200, new AtomicInteger()).get() >= 200);
            long began = System.nanoTime();
            gateway.destroy(); // SIGTERM
            boolean exited = gateway.waitFor(30, TimeUnit.SECONDS);
            Duration exit = Duration.ofNanos(System.nanoTime() - began);
            stop.set(true);
            for (Thread reader : readers) {
                reader.join(Duration.ofSeconds(15));
            }
            assertThat(exited).isTrue();
            assertThat(exit).as("exit after SIGTERM under load").isLessThanOrEqualTo(Duration.ofSeconds(10));
            assertThat(answers.keySet()).as("answers by status: %s", answers).isSubsetOf(200, 503);
        } finally {
            if (gateway != null && gateway.isAlive()) {
                gateway.destroyForcibly();
            }
            metrics.stop();
        }
    }

    private static String token(HttpClient http) throws Exception {
        String form = "grant_type=password&client_id=uptake-cli&username=alice&password="
                + URLEncoder.encode("alice", StandardCharsets.UTF_8);
        String body = http.send(
                        HttpRequest.newBuilder(URI.create(KEYCLOAK + "/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        assertThat(token.find()).as("a token from Keycloak: %s", body).isTrue();
        return token.group(1);
    }
}
