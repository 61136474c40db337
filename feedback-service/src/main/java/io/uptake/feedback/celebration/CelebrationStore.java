package io.uptake.feedback.celebration;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.Pages;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The SQL of the celebrations feed (table {@code celebration}): written by the fan-out, read by the feed. */
@ApplicationScoped
public class CelebrationStore {

    private final Pool pool;

    public CelebrationStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Records the celebration of an implemented item, once per event; empty when an earlier delivery already did.
     * {@code submittedBy} null (an anonymous item's event): the submitter is read from the item and kept, so that
     * they see the celebration as theirs; everyone else sees it without them ({@link CelebrationView#seenBy}). The
     * submitter's display name is copied from the item (the event does not carry names).
     */
    public Uni<Optional<CelebrationView>> record(
            SqlClient client,
            UUID eventId,
            long itemId,
            String title,
            String submittedBy,
            String businessUnit,
            boolean anonymous,
            int votes,
            OffsetDateTime implementedAt) {
        return client.preparedQuery("""
                        insert into celebration (event_id, item_id, title, submitted_by, business_unit, anonymous, votes, implemented_at, submitter_name)
                        values ($1, $2, $3, coalesce($4::varchar, (select submitted_by from feedback_item where id = $2)), $5, $6, $7, $8,
                            (select submitter_name from feedback_item where id = $2))
                        on conflict (event_id) do nothing returning *""")
                .execute(Tuple.from(
                        new Object[] {eventId, itemId, title, submittedBy, businessUnit, anonymous, votes, implementedAt
                        }))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(CelebrationView.of(rows.iterator().next())));
    }

    /**
     * The celebrations of {@code submitter}'s own items (anonymous ones too) implemented in [{@code from},
     * {@code until}), oldest first.
     */
    public Uni<List<CelebrationView>> ofSubmitter(
            SqlClient client, String submitter, OffsetDateTime from, OffsetDateTime until) {
        return client.preparedQuery("""
                        select * from celebration where submitted_by = $1 and implemented_at >= $2 and implemented_at < $3
                        order by implemented_at, item_id""")
                .execute(Tuple.of(submitter, from, until))
                .map(rows -> {
                    List<CelebrationView> celebrations = new ArrayList<>(rows.size());
                    rows.forEach(row -> celebrations.add(CelebrationView.of(row)));
                    return celebrations;
                });
    }

    /** Tells every connection listening on {@code channel} the {@code payload}, once the transaction commits. */
    public Uni<Void> notifyListeners(SqlConnection transaction, String channel, String payload) {
        return transaction
                .preparedQuery("select pg_notify($1, $2)")
                .execute(Tuple.of(channel, payload))
                .replaceWithVoid();
    }

    /** The feed, newest first. */
    public Uni<PageView<CelebrationView>> feed(int page, int size) {
        return pool.preparedQuery("select *, " + Pages.TOTAL
                        + " from celebration order by implemented_at desc, item_id desc limit $1 offset $2")
                .execute(Tuple.of(size, (long) page * size))
                .map(rows -> Pages.of(rows, CelebrationView::of, page, size));
    }
}
