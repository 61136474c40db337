import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * `./uptake bench feedback`, second half: N clients hold the celebrations SSE stream open through the
 * gateway (a Vert.x HTTP client, HTTP/1.1, one connection each, as N browsers would); an admin moves an item to
 * IMPLEMENTED, twice (the first celebration a fresh replica sends runs cold code, and is reported apart);
 * each client's delay from the moment the transition was answered to the moment its event arrived.
 * Bounded: gives up after 60 s of connecting and 15 s of waiting. Counts the streams refused at once (503: the
 * gateway replica holds its most) and those with no answer after 60 s. Run with java (source-file mode) on a class
 * path with Vert.x (the gateway's).
 * Arguments: gateway base URL, subscriber token, admin token, subscribers.
 */
public class SseFanout {

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String subscriberToken = args[1];
        String adminToken = args[2];
        int subscribers = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

        // two celebrations: the first reaches streams whose code has never run (a fresh replica's first), the second
        // is the measured one, as every later celebration of a running replica is
        long[] items = {submitAndAdvance(http, gateway, adminToken), submitAndAdvance(http, gateway, adminToken)};
        String[] markers = {"\"itemId\":" + items[0] + ",", "\"itemId\":" + items[1] + ","};
        AtomicLongArray[] arrivals = {new AtomicLongArray(subscribers), new AtomicLongArray(subscribers)};
        URI base = URI.create(gateway);
        Vertx vertx = Vertx.vertx();
        io.vertx.core.http.HttpClient streams = vertx.createHttpClient(
                new HttpClientOptions().setConnectTimeout(60_000).setKeepAlive(false),
                new PoolOptions().setHttp1MaxSize(subscribers).setMaxWaitQueueSize(-1));
        List<CompletableFuture<Integer>> connections = new ArrayList<>();
        Set<Integer> firstOfStatus = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < subscribers; i++) {
            int index = i;
            CompletableFuture<Integer> status = new CompletableFuture<>();
            connections.add(status);
            streams.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(base.getHost()).setPort(base.getPort())
                            .setURI("/api/feedback/celebrations/stream").setTimeout(0)
                            .putHeader("Authorization", "Bearer " + subscriberToken).putHeader("Accept", "text/event-stream"))
                    .compose(io.vertx.core.http.HttpClientRequest::send)
                    .onSuccess(response -> {
                        if (response.statusCode() != 200) {
                            response.body().onComplete(body -> {
                                if (firstOfStatus.add(response.statusCode())) { // the first of each kind, to say why
                                    System.err.println("first " + response.statusCode() + ": "
                                            + (body.succeeded() ? body.result().toString().replaceAll("\\s+", " ") : ""));
                                }
                                status.complete(response.statusCode());
                            });
                            return;
                        }
                        StringBuilder unread = new StringBuilder();
                        response.handler(chunk -> {
                            unread.append(chunk.toString());
                            for (int round = 0; round < markers.length; round++) {
                                if (arrivals[round].get(index) == 0 && unread.indexOf(markers[round]) >= 0) {
                                    arrivals[round].set(index, System.nanoTime());
                                }
                            }
                            if (unread.length() > markers[1].length()) { // a marker split over two chunks is kept
                                unread.delete(0, unread.length() - markers[1].length());
                            }
                        });
                        status.complete(200);
                    })
                    .onFailure(status::completeExceptionally);
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
        for (CompletableFuture<Integer> connection : connections) {
            if (!connection.isDone() || connection.isCompletedExceptionally()) {
                unanswered++;
                continue;
            }
            int code = connection.join();
            statuses.merge(code, 1, Integer::sum);
            connected += code == 200 ? 1 : 0;
            refused += code == 503 ? 1 : 0;
        }
        TimeUnit.SECONDS.sleep(1);

        double[][] rounds = new double[2][];
        for (int round = 0; round < 2; round++) {
            rounds[round] = celebrate(http, gateway, adminToken, items[round], arrivals[round], connected);
        }
        double[] cold = rounds[0];
        double[] warm = rounds[1];
        System.out.printf("BENCH subscribers=%d connected=%d refused_503=%d unanswered=%d statuses=%s all_answered_in_ms=%.0f received=%d transition_ms=%.1f first_ms=%.1f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f first_celebration_received=%d first_celebration_p50_ms=%.1f first_celebration_p99_ms=%.1f%n",
                subscribers, connected, refused, unanswered, statuses.toString().replace(" ", ""), (answered - opened) / 1e6, (int) warm[0], warm[1],
                warm[2], warm[3], warm[4], warm[5], (int) cold[0], cold[3], cold[4]);
        System.exit(0);
    }

    /**
     * Moves the item to IMPLEMENTED and waits (15 s at most) until every connected stream has its celebration: how many
     * did, the transition's answer time, then the first, p50, p99 and last delay from that answer, in ms.
     */
    private static double[] celebrate(HttpClient http, String gateway, String adminToken, long item, AtomicLongArray arrived,
            int connected) throws Exception {
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
        for (int i = 0; i < arrived.length(); i++) {
            if (arrived.get(i) != 0) {
                delays[n++] = Math.max(0, arrived.get(i) - accepted);
            }
        }
        Arrays.sort(delays);
        return new double[] {delays.length, (accepted - sent) / 1e6, delays.length == 0 ? Double.NaN : delays[0] / 1e6,
            percentile(delays, 50), percentile(delays, 99), delays.length == 0 ? Double.NaN : delays[delays.length - 1] / 1e6};
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
