package io.uptake.feedback.notification;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.Pages;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The SQL of the inboxes (table {@code notification}): written by the fan-out, read and marked by their owners. */
@ApplicationScoped
public class NotificationStore {

    private final Pool pool;

    public NotificationStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * One notification of an event for each person concerned: the submitter, the item's followers, and its
     * voters too when {@code votersToo}; once per event and person. {@code submittedBy} null (an anonymous
     * item's event): the submitter is read from the item.
     */
    public Uni<Void> notifyConcerned(
            SqlClient client,
            UUID eventId,
            long itemId,
            String kind,
            String message,
            String submittedBy,
            boolean votersToo) {
        return client.preparedQuery("""
                        insert into notification (recipient, event_id, item_id, kind, message)
                        select recipient, $1, $2, $3, $4 from (
                            select coalesce($5::varchar, (select submitted_by from feedback_item where id = $2)) as recipient
                            union select user_id from item_follow where item_id = $2
                            union select user_id from item_vote where item_id = $2 and $6
                        ) concerned where recipient is not null
                        on conflict (event_id, recipient) do nothing""")
                .execute(Tuple.from(new Object[] {eventId, itemId, kind, message, submittedBy, votersToo}))
                .replaceWithVoid();
    }

    /** One notification of an event for one person, not about an item; once per event and person. */
    public Uni<Void> notifyPerson(SqlClient client, UUID eventId, String recipient, String kind, String message) {
        return client.preparedQuery("""
                        insert into notification (recipient, event_id, kind, message) values ($1, $2, $3, $4)
                        on conflict (event_id, recipient) do nothing""")
                .execute(Tuple.of(recipient, eventId, kind, message))
                .replaceWithVoid();
    }

    /** The recipient's notifications, newest first, each with its item's current title (null for a digest). */
    public Uni<PageView<NotificationView>> inbox(String recipient, boolean unreadOnly, int page, int size) {
        return pool.preparedQuery("select n.*, i.title, " + Pages.TOTAL + """
                         from notification n left join feedback_item i on i.id = n.item_id
                        where n.recipient = $1 and (not $2 or n.read_at is null)
                        order by n.id desc limit $3 offset $4""")
                .execute(Tuple.of(recipient, unreadOnly, size, (long) page * size))
                .map(rows -> Pages.of(rows, NotificationView::of, page, size));
    }

    /** Marks one of the recipient's notifications read; null when the recipient has no such notification. */
    public Uni<NotificationView> markRead(long id, String recipient) {
        return pool.preparedQuery("""
                        with marked as (
                            update notification set read_at = coalesce(read_at, now()) where id = $1 and recipient = $2
                            returning *)
                        select marked.*, i.title from marked left join feedback_item i on i.id = marked.item_id""")
                .execute(Tuple.of(id, recipient))
                .map(rows -> rows.size() == 0
                        ? null
                        : NotificationView.of(rows.iterator().next()));
    }

    /** How many of the recipient's notifications are unread (from the index of unread rows). */
    public Uni<Long> unread(String recipient) {
        return pool.preparedQuery(
                        "select count(*) as unread from notification where recipient = $1 and read_at is null")
                .execute(Tuple.of(recipient))
                .map(rows -> rows.iterator().next().getLong("unread"));
    }

    /** Marks every unread notification of the recipient read; how many it marked (0 when there were none). */
    public Uni<Integer> markAllRead(String recipient) {
        return pool.preparedQuery("update notification set read_at = now() where recipient = $1 and read_at is null")
                .execute(Tuple.of(recipient))
                .map(rows -> rows.rowCount());
    }
}
