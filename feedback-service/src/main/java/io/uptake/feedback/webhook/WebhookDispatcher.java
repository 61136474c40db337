package io.uptake.feedback.webhook;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.work.PeriodicWork;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers pending webhook jobs. A due job is claimed with a lease (so that a second instance skips
 * it), posted with a timeout, and then marked delivered, rescheduled with exponential back-off, or
 * given up after the last attempt; every attempt goes into the delivery log. A crash after the
 * receiver answered but before the outcome was written repeats that attempt once the lease runs out:
 * receivers can recognise a repeat by {@code webhook-id}. Each attempt checks the target again after
 * resolving it ({@link WebhookTargetGuard}) and connects to the address it checked.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final int BATCH = 20;

    private final Vertx vertx;
    private final WebhookConfig config;
    private final HttpClient client;
    private final WebhookStore webhooks;
    private final WebhookTargetGuard targets;
    private final PeriodicWork rounds = new PeriodicWork("Webhook round", this::deliverDue);

    public WebhookDispatcher(Vertx vertx, WebhookConfig config, WebhookStore webhooks, WebhookTargetGuard targets) {
        this.webhooks = webhooks;
        this.targets = targets;
        this.vertx = vertx;
        this.config = config;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.timeout().toMillis())
                .setMaxPoolSize(BATCH));
    }

    void start(@Observes StartupEvent started) {
        webhooks.sealLegacySecrets()
                .subscribe()
                .with(done -> {}, failure -> Log.error("Could not seal the webhook secrets kept in clear", failure));
        rounds.start(vertx, config.pollInterval(), config.pollInterval());
    }

    void stop(@Observes ShutdownEvent stopping) {
        rounds.stop();
    }

    /** Delivers what is due now; if a round is under way, it runs once more when done. */
    public void runSoon() {
        rounds.runSoon();
    }

    private Uni<Void> deliverDue() {
        long leaseSeconds = config.timeout().toSeconds() + 30;
        return webhooks.claimDue(BATCH, leaseSeconds).flatMap(jobs -> {
            if (jobs.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<Uni<Void>> deliveries = new ArrayList<>(jobs.size());
            jobs.forEach(job -> deliveries.add(deliver(job)));
            return Uni.join()
                    .all(deliveries)
                    .andCollectFailures()
                    .replaceWithVoid()
                    .flatMap(done -> jobs.size() == BATCH
                            ? deliverDue()
                            : Uni.createFrom().voidItem());
        });
    }

    private Uni<Void> deliver(WebhookJob job) {
        if (!job.active()) {
            return webhooks.cancel(job.id());
        }
        return Uni.createFrom()
                .item(() -> URI.create(job.url()))
                .flatMap(url -> targets.check(url).flatMap(address -> post(job, url, address)))
                .ifNoItem()
                .after(config.timeout())
                .fail()
                .map(status -> new Outcome(status, status >= 200 && status < 300 ? null : "answered " + status))
                .onFailure()
                .recoverWithItem(failure -> new Outcome(null, describe(failure)))
                .flatMap(outcome -> record(job, outcome));
    }

    /** Posts to the address the guard checked (never resolving the name again), signed the Standard Webhooks way. */
    private Uni<Integer> post(WebhookJob job, URI url, InetAddress address) {
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() != -1 ? url.getPort() : tls ? 443 : 80;
        String id = job.eventId().toString();
        long timestamp = Instant.now().getEpochSecond();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(job.url())
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setFollowRedirects(false)
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "Uptake-Webhooks/2")
                .putHeader(StandardWebhooks.ID, id)
                .putHeader(StandardWebhooks.TIMESTAMP, Long.toString(timestamp))
                .putHeader(
                        StandardWebhooks.SIGNATURE,
                        StandardWebhooks.signature(job.secrets(), id, timestamp, job.payload()))
                .putHeader("X-Uptake-Delivery-Attempt", Integer.toString(job.attempt()));
        return client.request(request)
                .flatMap(sending -> sending.send(job.payload()))
                .flatMap(response ->
                        readAtMost(response, config.maxResponseBytes()).map(read -> response.statusCode()));
    }

    /** Reads the answer up to the cap and drops the connection past it: a receiver cannot make us read forever. */
    private static Uni<Long> readAtMost(HttpClientResponse response, int cap) {
        AtomicLong read = new AtomicLong();
        return response.toMulti()
                .select()
                .first(chunk -> read.addAndGet(chunk.length()) <= cap)
                .collect()
                .last()
                .map(last -> {
                    if (read.get() > cap) {
                        response.request().reset();
                    }
                    return read.get();
                });
    }

    private record Outcome(Integer statusCode, String error) {
        boolean succeeded() {
            return error == null;
        }
    }

    private Uni<Void> record(WebhookJob job, Outcome outcome) {
        boolean givenUp = !outcome.succeeded() && job.attempt() >= config.maxAttempts();
        String state = outcome.succeeded() ? "DELIVERED" : givenUp ? "FAILED" : "PENDING";
        double backoffSeconds = config.initialBackoff().toMillis() / 1000.0 * Math.pow(2, job.attempt() - 1);
        return webhooks.recordAttempt(
                        job, outcome.statusCode(), outcome.error(), outcome.succeeded(), state, backoffSeconds)
                .invoke(() -> {
                    if (givenUp) {
                        Log.warnf(
                                "Gave up delivering event %s to webhook %d after %d attempts: %s",
                                job.eventId(), job.webhookId(), job.attempt(), outcome.error());
                    }
                });
    }

    private static String describe(Throwable failure) {
        String message =
                failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
