package io.uptake.metrics.writekey;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.Pages;
import io.uptake.platform.api.PagingLimit;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Write keys in PostgreSQL, by the hash of the key. */
@ApplicationScoped
public class WriteKeyStore {

    private final Pool pool;

    public WriteKeyStore(Pool pool) {
        this.pool = pool;
    }

    /** Keeps a new key's hash under its name; the answer's {@code key} is the one given. */
    public Uni<CreatedWriteKey> create(String name, String key) {
        UUID id = UUID.randomUUID();
        return pool.preparedQuery("insert into write_key (id, name, key_hash) values ($1, $2, $3) returning created_at")
                .execute(Tuple.of(id, name, Buffer.buffer(WriteKeys.hash(key))))
                .map(rows -> new CreatedWriteKey(
                        id, name, key, rows.iterator().next().getOffsetDateTime("created_at")));
    }

    /** Every key, newest first, revoked ones included (with when). */
    public Uni<PageView<WriteKey>> list(int page, int size) {
        return pool.preparedQuery("select id, name, created_at, last_used_at, revoked_at, " + Pages.TOTAL
                        + " from write_key order by created_at desc, id limit $1 offset $2")
                .execute(Tuple.of(size, PagingLimit.offset(page, size)))
                .map(rows -> Pages.of(rows, WriteKeyStore::view, page, size));
    }

    /** Revokes a key at once; false when there is no such key (or it was revoked before). */
    public Uni<Boolean> revoke(UUID id) {
        return pool.preparedQuery("update write_key set revoked_at = now() where id = $1 and revoked_at is null")
                .execute(Tuple.of(id))
                .map(rows -> rows.rowCount() > 0);
    }

    /**
     * The id of the live key with this value, or null; notes the use (at most once a minute, so that a busy sender
     * does not write a row per request).
     */
    public Uni<UUID> authenticate(String key) {
        return pool.preparedQuery("""
                        with found as (select id from write_key where key_hash = $1 and revoked_at is null),
                             used as (update write_key set last_used_at = now()
                                      where id in (select id from found)
                                        and (last_used_at is null or last_used_at < now() - interval '1 minute'))
                        select id from found""")
                .execute(Tuple.of(Buffer.buffer(WriteKeys.hash(key))))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID("id"));
    }

    private static WriteKey view(Row row) {
        return new WriteKey(
                row.getUUID("id"),
                row.getString("name"),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("last_used_at"),
                row.getOffsetDateTime("revoked_at"));
    }
}
