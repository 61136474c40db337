package io.uptake.feedback.event;

import io.smallrye.mutiny.Uni;
import io.uptake.feedback.celebration.CelebrationView;
import io.uptake.feedback.webhook.WebhookMessage;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * What one feedback event turns into, in one transaction: an inbox notification per person
 * concerned, a celebration, and a pending delivery per subscribed webhook. Each has a unique key
 * that includes the event id, so an event delivered again adds nothing.
 */
@ApplicationScoped
public class FanOut {

    private final Pool pool;
    private final WebhookMessage webhookMessage;

    public FanOut(Pool pool, WebhookMessage webhookMessage) {
        this.pool = pool;
        this.webhookMessage = webhookMessage;
    }

    /** Applies the event; the celebration is returned only when this delivery created it. */
    public Uni<Optional<CelebrationView>> apply(FeedbackEvent event) {
        return pool.withTransaction(connection -> notify(connection, event)
                .flatMap(notified -> queueWebhooks(connection, event))
                .flatMap(queued -> event.implemented() ? celebrate(connection, event) : Uni.createFrom().item(Optional.empty())));
    }

    private static Uni<Void> notify(SqlConnection connection, FeedbackEvent event) {
        return connection.preparedQuery("""
                insert into notification (recipient, event_id, item_id, kind, message)
                select recipient, $1, $2, $3, $4 from (
                    select $5::varchar as recipient
                    union select user_id from item_follow where item_id = $2
                    union select user_id from item_vote where item_id = $2 and $6
                ) concerned
                on conflict (event_id, recipient) do nothing""")
                .execute(Tuple.from(new Object[] {event.eventId(), event.itemId(), event.type(), message(event), event.submittedBy(),
                        event.implemented()}))
                .replaceWithVoid();
    }

    private Uni<Void> queueWebhooks(SqlConnection connection, FeedbackEvent event) {
        return connection.preparedQuery("""
                insert into webhook_job (webhook_id, event_id, payload)
                select id, $1, $2 from webhook where active and $3 = any (events)
                on conflict (webhook_id, event_id) do nothing""")
                .execute(Tuple.of(event.eventId(), webhookMessage.body(event), event.type()))
                .replaceWithVoid();
    }

    private static Uni<Optional<CelebrationView>> celebrate(SqlConnection connection, FeedbackEvent event) {
        return connection.preparedQuery("""
                insert into celebration (event_id, item_id, title, submitted_by, business_unit, votes, implemented_at)
                values ($1, $2, $3, $4, $5, $6, $7)
                on conflict (event_id) do nothing returning *""")
                .execute(Tuple.from(new Object[] {event.eventId(), event.itemId(), event.title(), event.submittedBy(), event.businessUnit(),
                        event.votes(), event.at()}))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(CelebrationView.of(rows.iterator().next())));
    }

    static String message(FeedbackEvent event) {
        if (event.implemented()) {
            return "\uD83C\uDF89 \"" + event.title() + "\" is implemented. Thank you for helping shape the CRM!";
        }
        String note = event.note() == null || event.note().isBlank() ? "" : ": " + event.note();
        return "\"" + event.title() + "\" moved from " + event.from() + " to " + event.to() + note;
    }
}
