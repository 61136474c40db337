import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * `./uptake bench training`: TAKERS test-takers at once through the gateway, each starting an attempt,
 * saving 20 answers one by one and submitting (JDK HttpClient, HTTP/1.1, a virtual thread per taker).
 * The realm has 7 accounts and the service allows one open attempt per person and test, so taker i is
 * account i % 7 on test i / 7 (72 tests for 500 takers): 500 attempts open at once. Between two
 * requests a taker thinks for a random time of 0 to 2 × THINK ms (0: no pause, a stress test).
 * Prints one BENCH line per request kind with count, errors and latency percentiles. Run with java
 * (source-file mode). Arguments: gateway base URL, HR token, takers, THINK ms, then the takers' tokens.
 */
public class TrainingBench {

    private static final int QUESTIONS = 20;
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern QUESTION = Pattern.compile(
            "\\{\"id\":\"([0-9a-f-]{36})\",\"skill\":\"[^\"]*\",\"type\":\"SINGLE\",\"prompt\":\"[^\"]*\",\"options\":\\[\\{\"id\":\"([^\"]+)\"");

    private static final Map<String, ConcurrentLinkedQueue<Long>> LATENCIES = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> ERRORS = new ConcurrentHashMap<>();
    private static long think;

    private static void pause() throws InterruptedException {
        if (think > 0) {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(2 * think));
        }
    }

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String hr = args[1];
        int takers = Integer.parseInt(args[2]);
        think = Long.parseLong(args[3]);
        String[] tokens = Arrays.copyOfRange(args, 4, args.length);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();

        String run = UUID.randomUUID().toString().substring(0, 8);
        String skill = "bench-" + run;
        expect(
                send(
                        http,
                        "POST",
                        gateway + "/api/training/skills",
                        hr,
                        "{\"code\":\"" + skill + "\",\"name\":\"Bench " + run + "\"}"),
                201,
                "skill");
        for (int q = 0; q < 2 * QUESTIONS; q++) {
            expect(
                    send(
                            http,
                            "POST",
                            gateway + "/api/training/questions",
                            hr,
                            "{\"skill\":\"" + skill + "\",\"type\":\"SINGLE\",\"prompt\":\"Q" + q
                                    + "\",\"options\":[\"a" + q + "\",\"b" + q + "\",\"c" + q + "\",\"d" + q
                                    + "\"],\"answer\":" + (q % 4) + ",\"difficulty\":2}"),
                    201,
                    "question");
        }
        int tests = (takers + tokens.length - 1) / tokens.length;
        List<String> testIds = new ArrayList<>();
        for (int t = 0; t < tests; t++) {
            String body = "{\"name\":\"Bench " + run + " " + t + "\",\"blueprint\":[{\"skill\":\"" + skill
                    + "\",\"questions\":" + QUESTIONS
                    + "}],\"timeLimitMinutes\":30,\"passMark\":70,\"retakeAfterHours\":0}";
            testIds.add(id(expect(send(http, "POST", gateway + "/api/training/tests", hr, body), 201, "test")));
        }

        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(takers);
        long started;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < takers; i++) {
                String token = tokens[i % tokens.length];
                String test = testIds.get(i / tokens.length);
                threads.submit(() -> {
                    try {
                        go.await();
                        pause();
                        take(http, gateway, token, test);
                    } catch (Exception failure) {
                        ERRORS.computeIfAbsent("taker", k -> new AtomicInteger())
                                .incrementAndGet();
                    } finally {
                        done.countDown();
                    }
                });
            }
            started = System.nanoTime();
            go.countDown();
            done.await(10, TimeUnit.MINUTES);
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        for (String kind : List.of("start", "answer", "submit")) {
            List<Long> sorted = new ArrayList<>(LATENCIES.getOrDefault(kind, new ConcurrentLinkedQueue<>()));
            sorted.sort(null);
            System.out.printf(
                    "BENCH kind=%s requests=%d errors=%d p50_ms=%d p95_ms=%d p99_ms=%d max_ms=%d wall_s=%d%n",
                    kind,
                    sorted.size(),
                    ERRORS.getOrDefault(kind, new AtomicInteger()).get(),
                    pct(sorted, 50),
                    pct(sorted, 95),
                    pct(sorted, 99),
                    sorted.isEmpty() ? 0 : sorted.getLast(),
                    seconds);
        }
        System.out.printf(
                "BENCH kind=takers failed=%d%n",
                ERRORS.getOrDefault("taker", new AtomicInteger()).get());
    }

    private static void take(HttpClient http, String gateway, String token, String test) throws Exception {
        HttpResponse<String> started =
                timed(http, "start", "POST", gateway + "/api/training/tests/" + test + "/attempts", token, null, 201);
        String attempt = id(started);
        Matcher questions = QUESTION.matcher(started.body());
        int answered = 0;
        while (questions.find()) {
            pause();
            timed(
                    http,
                    "answer",
                    "PUT",
                    gateway + "/api/training/attempts/" + attempt + "/answers/" + questions.group(1),
                    token,
                    "{\"answer\":\"" + questions.group(2) + "\"}",
                    200);
            answered++;
        }
        if (answered != QUESTIONS) {
            throw new IllegalStateException("drew " + answered + " questions");
        }
        pause();
        timed(http, "submit", "POST", gateway + "/api/training/attempts/" + attempt + "/submit", token, null, 200);
    }

    private static HttpResponse<String> timed(
            HttpClient http, String kind, String method, String url, String token, String body, int expected)
            throws Exception {
        long begin = System.nanoTime();
        HttpResponse<String> response = send(http, method, url, token, body);
        LATENCIES
                .computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>())
                .add((System.nanoTime() - begin) / 1_000_000L);
        if (response.statusCode() != expected) {
            ERRORS.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
            throw new IllegalStateException(kind + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static HttpResponse<String> send(HttpClient http, String method, String url, String token, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static String id(HttpResponse<String> response) {
        Matcher matcher = ID.matcher(response.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no id in " + response.body());
        }
        return matcher.group(1);
    }

    private static long pct(List<Long> sorted, int percentile) {
        return sorted.isEmpty()
                ? 0
                : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }
}
