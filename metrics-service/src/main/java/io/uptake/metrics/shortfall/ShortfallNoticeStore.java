package io.uptake.metrics.shortfall;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.outbox.Outbox;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The shortfalls published (table {@code shortfall_notice}), each recorded in the statement that queues it in the outbox. */
@ApplicationScoped
public class ShortfallNoticeStore {

    private static final String RECORD = """
            with noticed as (
                insert into shortfall_notice (user_id, period, period_start)
                select unnest($1::varchar[]), $2, $3
                on conflict do nothing
                returning user_id
            ), queued as (
                %s
                select 'shortfalls', n.user_id, p.payload, $5::varchar
                  from noticed n join unnest($1::varchar[], $4::text[]) as p(user_id, payload) on p.user_id = n.user_id
                returning 1
            )
            select count(*) from queued""".formatted(Outbox.INSERT);

    private final Pool pool;

    public ShortfallNoticeStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Queues the notices of the period ({@code payloads} in the order of {@code notices}) that were not
     * published yet; returns how many it queued.
     */
    public Uni<Integer> record(
            Period period, List<ShortfallNotice> notices, List<String> payloads, String traceparent) {
        return pool.preparedQuery(RECORD)
                .execute(Tuple.of(
                        notices.stream().map(ShortfallNotice::userId).toArray(String[]::new),
                        period.kind(),
                        period.start(),
                        payloads.toArray(String[]::new),
                        traceparent))
                .map(rows -> rows.iterator().next().getLong(0).intValue());
    }
}
