package io.uptake.feedback.celebration;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Test-only: a chat webhook receiver on localhost that fails its first {@code failures} calls with 500, then answers 200. */
final class WebhookReceiver implements AutoCloseable {

    record Call(String eventId, String signature, String body, int status) {}

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;

    WebhookReceiver(int failures) throws IOException {
        this.failuresLeft = new AtomicInteger(failures);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
            calls.add(new Call(
                    exchange.getRequestHeaders().getFirst("X-Uptake-Event-Id"),
                    exchange.getRequestHeaders().getFirst("X-Uptake-Signature"),
                    body,
                    status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Whether a delivery about the item was answered 200. */
    boolean calledFor(long itemId) {
        return calls.stream()
                .anyMatch(call -> call.status() == 200 && call.body().contains("\"itemId\":" + itemId + ","));
    }

    List<Call> calls(String eventId) {
        return calls.stream().filter(call -> eventId.equals(call.eventId())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
