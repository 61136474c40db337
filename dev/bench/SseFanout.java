import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;

/**
 * `./uptake bench feedback`, second half: N clients hold the celebrations SSE stream open through the
 * gateway (JDK HttpClient, HTTP/1.1, one connection each); an admin moves an item to IMPLEMENTED;
 * each client's delay from the moment the transition was answered to the moment its event arrived.
 * Bounded: gives up after 60 s of connecting and 15 s of waiting. Counts the streams refused at once (503: the
 * gateway replica holds its most) and those with no answer after 60 s. Run with java (source-file mode).
 * Arguments: gateway base URL, subscriber token, admin token, subscribers.
 */
public class SseFanout {

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String subscriberToken = args[1];
        String adminToken = args[2];
        int subscribers = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

        long item = submitAndAdvance(http, gateway, adminToken);
        String marker = "\"itemId\":" + item + ",";
        AtomicLongArray arrived = new AtomicLongArray(subscribers);
        List<CompletableFuture<HttpResponse<Stream<String>>>> connections = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            connections.add(http.sendAsync(HttpRequest.newBuilder(URI.create(gateway + "/api/feedback/celebrations/stream"))
                    .header("Authorization", "Bearer " + subscriberToken).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines()));
        }
        long opened = System.nanoTime();
        try {
            CompletableFuture.allOf(connections.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException notAll) {
            // counted below: those still waiting, and those that failed
        }
        long answered = System.nanoTime();
        int connected = 0;
        int refused = 0;
        int unanswered = 0;
        java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (int i = 0; i < subscribers; i++) {
            CompletableFuture<HttpResponse<Stream<String>>> connection = connections.get(i);
            if (!connection.isDone() || connection.isCompletedExceptionally()) {
                unanswered++;
                continue;
            }
            HttpResponse<Stream<String>> response = connection.join();
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() != 200) {
                if (statuses.get(response.statusCode()) == 1) { // the first of each kind, to say why
                    System.err.println("first " + response.statusCode() + ": "
                            + response.body().limit(3).reduce("", (a, b) -> a + b).replaceAll("\\s+", " "));
                }
                refused += response.statusCode() == 503 ? 1 : 0;
                response.body().close();
                continue;
            }
            connected++;
            int index = i;
            Thread.ofVirtual().start(() -> {
                try {
                    response.body().filter(line -> line.contains(marker)).findFirst().ifPresent(line -> arrived.set(index, System.nanoTime()));
                } catch (RuntimeException closed) {
                    // the stream ends when the bench exits
                }
            });
        }
        TimeUnit.SECONDS.sleep(1);

        long sent = System.nanoTime();
        HttpResponse<String> moved = post(http, gateway + "/api/feedback/items/" + item + "/transitions", adminToken,
                "{\"to\":\"IMPLEMENTED\",\"note\":\"bench\"}");
        long accepted = System.nanoTime();
        if (moved.statusCode() != 200) {
            throw new IllegalStateException("transition answered " + moved.statusCode() + ": " + moved.body());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline && received(arrived) < connected) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        long[] delays = new long[received(arrived)];
        int n = 0;
        for (int i = 0; i < subscribers; i++) {
            if (arrived.get(i) != 0) {
                delays[n++] = Math.max(0, arrived.get(i) - accepted);
            }
        }
        Arrays.sort(delays);
        System.out.printf("BENCH subscribers=%d connected=%d refused_503=%d unanswered=%d statuses=%s all_answered_in_ms=%.0f received=%d transition_ms=%.1f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n",
                subscribers, connected, refused, unanswered, statuses.toString().replace(" ", ""), (answered - opened) / 1e6, delays.length, (accepted - sent) / 1e6,
                percentile(delays, 50), percentile(delays, 99),
                delays.length == 0 ? Double.NaN : delays[delays.length - 1] / 1e6);
        System.exit(0);
    }

    private static int received(AtomicLongArray arrived) {
        int count = 0;
        for (int i = 0; i < arrived.length(); i++) {
            if (arrived.get(i) != 0) {
                count++;
            }
        }
        return count;
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static long submitAndAdvance(HttpClient http, String gateway, String adminToken) throws Exception {
        HttpResponse<String> created = post(http, gateway + "/api/feedback/items", adminToken,
                "{\"kind\":\"IDEA\",\"title\":\"SSE fan-out bench\",\"description\":\"celebrate me\",\"area\":\"other\"}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("submit answered " + created.statusCode() + ": " + created.body());
        }
        long id = Long.parseLong(created.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        for (String step : List.of("ACKNOWLEDGED", "UNDER_REVIEW", "PLANNED", "IN_PROGRESS")) {
            post(http, gateway + "/api/feedback/items/" + id + "/transitions", adminToken, "{\"to\":\"" + step + "\"}");
        }
        return id;
    }

    private static HttpResponse<String> post(HttpClient http, String url, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
