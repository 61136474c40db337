package io.uptake.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.uptake.testsupport.PackagedService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A small HTTP server standing in for an upstream, so the gateway's own rules (limits, circuit,
 * headers) are tested without a service: {@code /echo} answers the request headers it saw and the body
 * length, {@code /crash} a 500 with a stack trace, {@code /slow} answers after 3 s. The tests stop and
 * start it to play an upstream that goes away and comes back. The metrics and feedback routes point at it; training's
 * at a closed port, an upstream that is down for the whole class.
 */
public class StubUpstream implements QuarkusTestResourceLifecycleManager {

    public static final String CRASH_TRACE =
            "java.lang.IllegalStateException: secret-internal-detail\n\tat io.uptake.Secret.method(Secret.java:42)";
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static int port;
    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startServer();
        String url = "http://localhost:" + port;
        return Map.of(
                "uptake.gateway.routes.metrics.url",
                url,
                "uptake.gateway.routes.feedback.url",
                url,
                "uptake.gateway.routes.training.url",
                "http://localhost:" + PackagedService.freePort(),
                "quarkus.otel.exporter.otlp.traces.endpoint",
                OtlpCollector.get().endpoint());
    }

    @Override
    public void stop() {
        stopServer();
    }

    public static synchronized void startServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", StubUpstream::handle);
        server.start();
    }

    public static synchronized void stopServer() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private static final java.util.concurrent.atomic.AtomicInteger IN_FLIGHT =
            new java.util.concurrent.atomic.AtomicInteger();

    /** Requests the stub is answering right now. */
    public static int inFlight() {
        return IN_FLIGHT.get();
    }

    /** Requests the stub has seen since the tests started. */
    public static int requests() {
        return REQUESTS.get();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        REQUESTS.incrementAndGet();
        long length;
        try (InputStream body = exchange.getRequestBody()) {
            length = body.transferTo(OutputStreamSink.INSTANCE);
        }
        String path = exchange.getRequestURI().getPath();
        if (path.endsWith("/crash")) {
            send(exchange, 500, "text/plain", CRASH_TRACE);
            return;
        }
        if (path.endsWith("/stream")) {
            stream(exchange);
            return;
        }
        if (path.endsWith("/slow")) {
            IN_FLIGHT.incrementAndGet();
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                IN_FLIGHT.decrementAndGet();
            }
        }
        String headers = exchange.getRequestHeaders().entrySet().stream()
                .map(header -> "\"" + header.getKey().toLowerCase() + "\":\""
                        + String.join(",", header.getValue()).replace("\"", "'") + "\"")
                .collect(Collectors.joining(","));
        exchange.getResponseHeaders().add("Server", "stub/1.0 (internal)");
        exchange.getResponseHeaders().add("X-Request-Id", "upstream-made-this-up");
        send(
                exchange,
                200,
                "application/json",
                "{\"path\":\"" + path + "\",\"bodyLength\":" + length + ",\"headers\":{" + headers + "}}");
    }

    /** An event stream that sends a comment every 200 ms for up to 30 s, or until the client leaves. */
    private static void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (var out = exchange.getResponseBody()) {
            for (int i = 0; i < 150; i++) {
                out.write(": ping\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(200);
            }
        } catch (IOException clientLeft) {
            // the gateway closed the stream: what a leaving client causes
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] b, int off, int len) {}
    }
}
