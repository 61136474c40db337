import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * `./uptake bench overload`, the load: an open-loop driver (requests leave at a fixed rate whatever
 * the answers, as real users arrive), JDK HttpClient over HTTP/1.1. Sends GET URL with the token at
 * RATE requests/s for SECONDS, counts answers by kind, the latency of served (2xx) requests, the
 * slowest answer of any kind, and samples the RSS of PID every 200 ms. When the load stops it probes
 * once every 100 ms until a request is served within 3x the unloaded latency: the recovery time.
 * Bounded in count and time: RATE x SECONDS requests, each with a 10 s timeout, recovery up to 60 s.
 * Arguments: url, token, rate, seconds, pid. Prints one line: BENCH key=value ...
 */
public class Overload {

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        String token = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        long pid = Long.parseLong(args[4]);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        HttpRequest request = HttpRequest.newBuilder(url)
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();

        long unloaded = baseline(http, request);
        AtomicLong served = new AtomicLong(), shed = new AtomicLong(), other = new AtomicLong(), failed = new AtomicLong();
        AtomicLong slowest = new AtomicLong(), peakRss = new AtomicLong(), withRetryAfter = new AtomicLong();
        ConcurrentLinkedQueue<Long> servedMicros = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        clock.scheduleAtFixedRate(() -> peakRss.accumulateAndGet(rssKb(pid), Math::max), 0, 200, TimeUnit.MILLISECONDS);
        long total = (long) rate * seconds;
        AtomicLong sent = new AtomicLong();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        var sending = clock.scheduleAtFixedRate(() -> {
            // catch up to the schedule: the number of requests due by now leave now
            long due = Math.min(total, (System.nanoTime() - start) / periodNanos + 1);
            while (sent.get() < due) {
                sent.incrementAndGet();
                long began = System.nanoTime();
                http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                    long micros = (System.nanoTime() - began) / 1000;
                    slowest.accumulateAndGet(micros, Math::max);
                    if (failure != null) {
                        failed.incrementAndGet();
                    } else if (response.statusCode() / 100 == 2) {
                        served.incrementAndGet();
                        servedMicros.add(micros);
                    } else if (response.statusCode() == 429 || response.statusCode() == 503) {
                        shed.incrementAndGet();
                        if (response.headers().firstValue("Retry-After").isPresent()) {
                            withRetryAfter.incrementAndGet();
                        }
                    } else {
                        other.incrementAndGet();
                    }
                });
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        while (sent.get() < total && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds + 5)) {
            Thread.sleep(50);
        }
        sending.cancel(false);
        long loadEnded = System.nanoTime();
        // every answer is in within its 10 s timeout
        while (served.get() + shed.get() + other.get() + failed.get() < sent.get()
                && System.nanoTime() - loadEnded < TimeUnit.SECONDS.toNanos(12)) {
            Thread.sleep(50);
        }
        long recoveredMillis = recovery(http, request, unloaded, loadEnded);
        clock.shutdownNow();
        List<Long> latencies = new ArrayList<>(servedMicros);
        Collections.sort(latencies);
        long p99 = latencies.isEmpty() ? 0 : latencies.get((int) Math.min(latencies.size() - 1, Math.ceil(latencies.size() * 0.99) - 1));
        long p50 = latencies.isEmpty() ? 0 : latencies.get(latencies.size() / 2);
        System.out.printf(
                "BENCH offered=%d rate=%d seconds=%d served=%d shed=%d shed_with_retry_after=%d other=%d failed=%d "
                        + "p50_served_ms=%.1f p99_served_ms=%.1f slowest_ms=%.1f peak_rss_mib=%d recovery_ms=%d unloaded_ms=%.1f%n",
                sent.get(), rate, seconds, served.get(), shed.get(), withRetryAfter.get(), other.get(), failed.get(),
                p50 / 1000.0, p99 / 1000.0, slowest.get() / 1000.0, peakRss.get() / 1024, recoveredMillis, unloaded / 1000.0);
        System.exit(0);
    }

    /** The median latency of 20 requests one after the other, in microseconds. */
    private static long baseline(HttpClient http, HttpRequest request) throws Exception {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long began = System.nanoTime();
            http.send(request, HttpResponse.BodyHandlers.discarding());
            micros.add((System.nanoTime() - began) / 1000);
        }
        Collections.sort(micros);
        return micros.get(micros.size() / 2);
    }

    /** Milliseconds from the end of the load until a request is served within 3x the unloaded latency (60 s at most). */
    private static long recovery(HttpClient http, HttpRequest request, long unloadedMicros, long loadEnded) throws Exception {
        while (System.nanoTime() - loadEnded < TimeUnit.SECONDS.toNanos(60)) {
            long began = System.nanoTime();
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                long micros = (System.nanoTime() - began) / 1000;
                if (response.statusCode() / 100 == 2 && micros <= Math.max(3 * unloadedMicros, 5_000)) {
                    return (System.nanoTime() - loadEnded) / 1_000_000;
                }
            } catch (Exception stillBusy) {
                // keep probing
            }
            Thread.sleep(100);
        }
        return -1;
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (Exception gone) {
            // the process ended
        }
        return 0;
    }
}
