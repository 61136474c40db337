package io.uptake.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Writes under way while a test stops the app: a few virtual threads POST one JSON body after another
 * (each its own, from its number) until closed, or until the app stops answering; the answers that
 * were 2xx are kept, so the test can check that every accepted write survived. Bounded: at most
 * {@code limit} requests, each with a 10 s timeout.
 */
public final class SteadyWrites implements AutoCloseable {

    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final List<Thread> writers = new ArrayList<>();

    public SteadyWrites(
            Supplier<String> baseUrl, String path, String token, IntFunction<String> body, int threads, int limit) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int t = 0; t < threads; t++) {
            writers.add(Thread.ofVirtual().start(() -> {
                while (!stopped.get()) {
                    int number = sent.getAndIncrement();
                    if (number >= limit) {
                        return;
                    }
                    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl.get() + path))
                            .timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.apply(number)))
                            .build();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() / 100 == 2) {
                            accepted.add(response.body());
                        }
                    } catch (IOException appGone) {
                        return;
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
    }

    /** What a SIGTERM under load gave: how long the app took to exit, and the 2xx answers it had given. */
    public record Terminated(Duration exit, List<String> accepted) {}

    /**
     * Four writers POST to the running service until it has accepted {@code atLeast} writes; then it
     * gets SIGTERM while they go on.
     */
    public static Terminated terminateUnderLoad(
            PackagedService service, String path, String token, IntFunction<String> body, int atLeast)
            throws InterruptedException {
        try (SteadyWrites writes = new SteadyWrites(service::baseUrl, path, token, body, 4, 5_000)) {
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> writes.accepted().size() >= atLeast);
            Duration exit = service.terminate();
            writes.close();
            return new Terminated(exit, writes.accepted());
        }
    }

    /** The bodies of the 2xx answers so far. */
    public List<String> accepted() {
        return List.copyOf(accepted);
    }

    @Override
    public void close() throws InterruptedException {
        stopped.set(true);
        for (Thread writer : writers) {
            writer.join(Duration.ofSeconds(15));
        }
    }
}
