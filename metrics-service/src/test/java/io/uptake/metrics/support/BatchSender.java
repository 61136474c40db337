package io.uptake.metrics.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Posts numbered batches of distinct usage events, a few at a time, and sends each batch again until
 * it gets a 202, as a well-behaved CRM connector does when the service is down or answers 503.
 */
public final class BatchSender implements AutoCloseable {

    public static final String ACTION = "record.updated";

    private final Supplier<String> baseUrl;
    private final String token;
    private final String userPrefix;
    private final int batchSize;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService workers;
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();

    public BatchSender(Supplier<String> baseUrl, String token, String userPrefix, int batchSize, int concurrency) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.userPrefix = userPrefix;
        this.batchSize = batchSize;
        this.workers = Executors.newFixedThreadPool(concurrency);
    }

    /** Starts sending {@code batches} batches; the futures end when each batch has its 202. */
    public List<Future<?>> send(int batches, Duration deadline) {
        Instant giveUpAt = Instant.now().plus(deadline);
        return java.util.stream.IntStream.range(0, batches)
                .<Future<?>>mapToObj(batch -> workers.submit(() -> sendUntilAccepted(body(batch), giveUpAt)))
                .toList();
    }

    public int acknowledged() {
        return acknowledged.get();
    }

    public int retries() {
        return retries.get();
    }

    private void sendUntilAccepted(String body, Instant giveUpAt) {
        while (Instant.now().isBefore(giveUpAt)) {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl.get() + "/api/metrics/events"))
                        .timeout(Duration.ofSeconds(15))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 202) {
                    acknowledged.incrementAndGet();
                    return;
                }
            } catch (java.io.IOException refusedOrReset) {
                // the service is down or restarting: try again below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            retries.incrementAndGet();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("A batch was not accepted before the deadline");
    }

    private String body(int batch) {
        Instant at = Instant.now().minus(Duration.ofHours(1));
        StringBuilder json = new StringBuilder(batchSize * 180).append('[');
        for (int i = 0; i < batchSize; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"eventId\":\"")
                    .append(UUID.randomUUID())
                    .append("\",\"userId\":\"")
                    .append(userPrefix)
                    .append((batch * 31 + i) % 500)
                    .append("\",\"action\":\"")
                    .append(ACTION)
                    .append("\",\"occurredAt\":\"")
                    .append(at.plusMillis(i))
                    .append("\",\"objectType\":\"contact\",\"source\":\"it\"}");
        }
        return json.append(']').toString();
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
