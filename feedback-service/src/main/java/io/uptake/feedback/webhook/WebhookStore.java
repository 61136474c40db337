package io.uptake.feedback.webhook;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.Pages;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The SQL of webhooks as the API and the fan-out see them (tables {@code webhook}, {@code webhook_job}, {@code webhook_delivery}). */
@ApplicationScoped
public class WebhookStore {

    private final Pool pool;
    private final WebhookSecrets secrets;
    private final WebhookConfig config;

    public WebhookStore(Pool pool, WebhookConfig config) {
        this.pool = pool;
        this.config = config;
        this.secrets = new WebhookSecrets(config.secretKey());
    }

    /** Registers the webhook with a new secret, which the answer shows this once. */
    public Uni<WebhookWithSecret> register(NewWebhook webhook, String createdBy) {
        String secret = WebhookSecrets.generate();
        return pool.preparedQuery(
                        "insert into webhook (url, secret, events, format, created_by) values ($1, $2, $3, $4, $5) returning *")
                .execute(Tuple.of(
                        webhook.url(),
                        secrets.seal(secret),
                        webhook.events().stream().distinct().toArray(String[]::new),
                        webhook.formatOrDefault().code(),
                        createdBy))
                .map(rows ->
                        new WebhookWithSecret(WebhookView.of(rows.iterator().next()), secret, null));
    }

    /**
     * Gives the webhook a new secret; the one before keeps signing, next to it, for the grace period.
     * Null when there is no such webhook.
     */
    public Uni<WebhookWithSecret> rotateSecret(long id) {
        String secret = WebhookSecrets.generate();
        return pool.preparedQuery("""
                        update webhook set previous_secret = secret, secret = $2,
                            previous_secret_until = now() + make_interval(secs => $3)
                        where id = $1 returning *""")
                .execute(Tuple.of(id, secrets.seal(secret), (double)
                        config.rotationGrace().toSeconds()))
                .map(rows -> rows.size() == 0
                        ? null
                        : new WebhookWithSecret(
                                WebhookView.of(rows.iterator().next()),
                                secret,
                                rows.iterator().next().getOffsetDateTime("previous_secret_until")));
    }

    public Uni<PageView<WebhookView>> list(int page, int size) {
        return pool.preparedQuery("select *, " + Pages.TOTAL + " from webhook order by id limit $1 offset $2")
                .execute(Tuple.of(size, (long) page * size))
                .map(rows -> Pages.of(rows, WebhookView::of, page, size));
    }

    /** Stops deliveries to the webhook; false when there is no such webhook. */
    public Uni<Boolean> deactivate(long id) {
        return pool.preparedQuery("update webhook set active = false where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.rowCount() > 0);
    }

    /** Every attempt to deliver to the webhook, newest first; null when there is no such webhook. */
    public Uni<PageView<DeliveryView>> deliveries(long id, int page, int size) {
        return pool.preparedQuery("select 1 from webhook where id = $1")
                .execute(Tuple.of(id))
                .flatMap(found -> found.size() == 0
                        ? Uni.createFrom().<PageView<DeliveryView>>nullItem()
                        : pool.preparedQuery(
                                        "select *, " + Pages.TOTAL
                                                + " from webhook_delivery where webhook_id = $1 order by id desc limit $2 offset $3")
                                .execute(Tuple.of(id, size, (long) page * size))
                                .map(rows -> Pages.of(rows, DeliveryView::of, page, size)));
    }

    /**
     * A pending delivery of the event to every active webhook subscribed to its type, once per event
     * and webhook, with the body in the webhook's format.
     */
    public Uni<Void> queue(SqlClient client, UUID eventId, String type, Map<WebhookFormat, String> bodies) {
        return client.preparedQuery("""
                        insert into webhook_job (webhook_id, event_id, payload)
                        select id, $1, case format when 'slack' then $4 when 'teams' then $5 else $2 end
                        from webhook where active and $3 = any (events)
                        on conflict (webhook_id, event_id) do nothing""")
                .execute(Tuple.of(
                        eventId,
                        bodies.get(WebhookFormat.GENERIC),
                        type,
                        bodies.get(WebhookFormat.SLACK),
                        bodies.get(WebhookFormat.TEAMS)))
                .replaceWithVoid();
    }

    /**
     * Claims up to {@code batch} due jobs with a lease of {@code leaseSeconds} (another instance skips them
     * meanwhile), counting the attempt.
     */
    public Uni<List<WebhookJob>> claimDue(int batch, long leaseSeconds) {
        return pool.preparedQuery("""
                with due as (
                    select id from webhook_job where state = 'PENDING' and next_attempt_at <= now()
                    order by next_attempt_at limit %d for update skip locked)
                update webhook_job j set attempts = j.attempts + 1, next_attempt_at = now() + make_interval(secs => $1)
                from due, webhook w where j.id = due.id and w.id = j.webhook_id
                returning j.id, j.webhook_id, j.event_id, j.payload, j.attempts, w.url, w.active,
                    w.secret, w.previous_secret, w.previous_secret_until > now() as previous_in_grace""".formatted(batch))
                .execute(Tuple.of((double) leaseSeconds))
                .map(rows -> {
                    List<WebhookJob> jobs = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        jobs.add(new WebhookJob(
                                row.getLong("id"),
                                row.getLong("webhook_id"),
                                row.getUUID("event_id"),
                                row.getString("payload"),
                                row.getInteger("attempts"),
                                row.getString("url"),
                                signingSecrets(row),
                                row.getBoolean("active")));
                    }
                    return jobs;
                });
    }

    /** A job of a deactivated webhook is not delivered. */
    public Uni<Void> cancel(long jobId) {
        return pool.preparedQuery("update webhook_job set state = 'CANCELLED' where id = $1")
                .execute(Tuple.of(jobId))
                .replaceWithVoid();
    }

    /**
     * Logs the attempt and moves the job to {@code state}, next tried {@code backoffSeconds} from now when still
     * pending, in one transaction.
     */
    public Uni<Void> recordAttempt(
            WebhookJob job, Integer statusCode, String error, boolean succeeded, String state, double backoffSeconds) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("""
                insert into webhook_delivery (job_id, webhook_id, event_id, attempt, status_code, error, succeeded)
                values ($1, $2, $3, $4, $5, $6, $7)""")
                .execute(Tuple.from(new Object[] {
                    job.id(), job.webhookId(), job.eventId(), job.attempt(), statusCode, error, succeeded
                }))
                .flatMap(logged -> connection
                        .preparedQuery(
                                "update webhook_job set state = $2, next_attempt_at = now() + make_interval(secs => $3) where id = $1")
                        .execute(Tuple.of(job.id(), state, backoffSeconds)))
                .replaceWithVoid());
    }

    /** The secrets that sign a delivery now: the current one, and the one before while in its grace period. */
    private List<String> signingSecrets(Row claimed) {
        String current = open(claimed.getString("secret"));
        String previous = claimed.getString("previous_secret");
        return previous != null && Boolean.TRUE.equals(claimed.getBoolean("previous_in_grace"))
                ? List.of(current, open(previous))
                : List.of(current);
    }

    private String open(String stored) {
        return WebhookSecrets.isSealed(stored) ? secrets.open(stored) : stored; // not yet sealed at start-up
    }

    /** Seals the secrets that clients chose before the service made them (kept in clear until then). */
    public Uni<Void> sealLegacySecrets() {
        return pool.preparedQuery("select id, secret from webhook where secret not like 'enc:v1:%'")
                .execute()
                .onItem()
                .transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem()
                .transformToUniAndConcatenate(row -> pool.preparedQuery(
                                "update webhook set secret = $3 where id = $1 and secret = $2")
                        .execute(Tuple.of(
                                row.getLong("id"), row.getString("secret"), secrets.seal(row.getString("secret"))))
                        .map(updated -> updated.rowCount()))
                .collect()
                .with(java.util.stream.Collectors.summingInt(Integer::intValue))
                .invoke(sealedCount -> {
                    if (sealedCount > 0) {
                        Log.infof("Sealed %d webhook secret(s) kept in clear by an earlier version", sealedCount);
                    }
                })
                .replaceWithVoid();
    }
}
