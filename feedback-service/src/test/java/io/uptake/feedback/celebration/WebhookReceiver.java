package io.uptake.feedback.celebration;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only: a chat webhook receiver on 127.0.0.2 (the tests' one allow-listed internal host) that
 * fails its first {@code failures} calls with 500, then answers 200; or, when {@code endless}, answers
 * 200 with a body that never ends.
 */
public final class WebhookReceiver implements AutoCloseable {

    public static final String HOST = "127.0.0.2";

    public record Call(String id, String timestamp, String signature, String body, int status) {}

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;

    public WebhookReceiver(int failures) throws IOException {
        this(failures, false);
    }

    private WebhookReceiver(int failures, boolean endless) throws IOException {
        this(HOST, failures, endless);
    }

    private WebhookReceiver(String host, int failures, boolean endless) throws IOException {
        this.failuresLeft = new AtomicInteger(failures);
        this.server = HttpServer.create(new InetSocketAddress(host, 0), 0);
        server.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
            calls.add(new Call(
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    body,
                    status));
            if (!endless) {
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(status, 0);
            byte[] chunk = "all work and no play ".repeat(500).getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 1_000_000; i++) { // ~10 GB: ends when the client hangs up
                    out.write(chunk);
                }
            } catch (IOException hungUp) {
                // what the test wants: the sender stopped reading
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    /** A receiver on another local address (one the service must refuse to post to). */
    public static WebhookReceiver on(String host) throws IOException {
        return new WebhookReceiver(host, 0, false);
    }

    /** A receiver that answers 200 and then streams a body that does not end. */
    public static WebhookReceiver endless() throws IOException {
        return new WebhookReceiver(0, true);
    }

    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + port() + "/hook";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Whether a delivery about the item was answered 200. */
    public boolean calledFor(long itemId) {
        return calls.stream()
                .anyMatch(call -> call.status() == 200 && call.body().contains("\"itemId\":" + itemId + ","));
    }

    public List<Call> calls(String eventId) {
        return calls.stream().filter(call -> eventId.equals(call.id())).toList();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
