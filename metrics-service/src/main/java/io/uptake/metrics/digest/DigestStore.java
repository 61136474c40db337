package io.uptake.metrics.digest;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.outbox.Outbox;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/** The digests sent (table {@code digest_sent}), each recorded in the statement that queues it in the outbox. */
@ApplicationScoped
public class DigestStore {

    private static final String RECORD = """
            with sent as (
                insert into digest_sent (recipient, role, week_start)
                select * from unnest($1::varchar[], $2::varchar[]) as t(recipient, role), (select $3::date) as w
                on conflict do nothing
                returning recipient, role
            ), queued as (
                %s
                select 'digests', s.recipient, p.payload, $5::varchar
                  from sent s join unnest($1::varchar[], $2::varchar[], $4::text[]) as p(recipient, role, payload)
                    on p.recipient = s.recipient and p.role = s.role
                returning 1
            )
            select count(*) from queued""".formatted(Outbox.INSERT);

    private final Pool pool;

    public DigestStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Queues the digests of the week starting {@code weekStart} ({@code payloads} in the order of
     * {@code digests}) that were not sent yet; returns how many it queued.
     */
    public Uni<Integer> record(LocalDate weekStart, List<Digest> digests, List<String> payloads, String traceparent) {
        return pool.preparedQuery(RECORD)
                .execute(Tuple.of(
                        digests.stream().map(Digest::recipient).toArray(String[]::new),
                        digests.stream().map(Digest::role).toArray(String[]::new),
                        weekStart,
                        payloads.toArray(String[]::new),
                        traceparent))
                .map(rows -> rows.iterator().next().getLong(0).intValue());
    }
}
