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
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Write keys in PostgreSQL, by the hash of the key. */
@ApplicationScoped
public class WriteKeyStore {

    private final Pool pool;

    public WriteKeyStore(Pool pool) {
        this.pool = pool;
    }

    /** Keeps a new key's hash with what it may do; the answer's {@code key} is the one given. */
    public Uni<CreatedWriteKey> create(
            String name, String key, boolean identify, boolean eventLogs, TraitNames traits, List<String> origins) {
        UUID id = UUID.randomUUID();
        return pool.preparedQuery("""
                        insert into write_key (id, name, key_hash, identify, event_logs, trait_business_unit,
                                               trait_job_role, trait_manager_id, trait_executive, origins)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning created_at""")
                .execute(Tuple.tuple(Arrays.asList(
                        id,
                        name,
                        Buffer.buffer(WriteKeys.hash(key)),
                        identify,
                        eventLogs,
                        traits.businessUnit(),
                        traits.jobRole(),
                        traits.managerId(),
                        traits.executive(),
                        origins.toArray(String[]::new))))
                .map(rows -> new CreatedWriteKey(
                        id,
                        name,
                        key,
                        identify,
                        eventLogs,
                        traits,
                        origins,
                        rows.iterator().next().getOffsetDateTime("created_at")));
    }

    /** Every key, newest first, revoked ones included (with when). */
    public Uni<PageView<WriteKey>> list(int page, int size) {
        return pool.preparedQuery(
                        "select *, " + Pages.TOTAL + " from write_key order by created_at desc, id limit $1 offset $2")
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
     * The live key with this value, or null; notes the use (at most once a minute, so that a busy sender does not
     * write a row per request).
     */
    public Uni<Sender> authenticate(String key) {
        return pool.preparedQuery("""
                        with found as (select * from write_key where key_hash = $1 and revoked_at is null),
                             used as (update write_key set last_used_at = now()
                                      where id in (select id from found)
                                        and (last_used_at is null or last_used_at < now() - interval '1 minute'))
                        select * from found""")
                .execute(Tuple.of(Buffer.buffer(WriteKeys.hash(key))))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new Sender(
                            row.getUUID("id"),
                            row.getBoolean("identify"),
                            row.getBoolean("event_logs"),
                            traits(row),
                            Set.copyOf(origins(row)));
                });
    }

    /** Whether a live key lists this web origin: what a browser's preflight, which carries no key, is answered by. */
    public Uni<Boolean> anyAllows(String origin) {
        return pool.preparedQuery("select exists (select 1 from write_key where revoked_at is null and origins @> $1)"
                        + " as listed")
                .execute(Tuple.of((Object) new String[] {Origins.normalised(origin)}))
                .map(rows -> rows.iterator().next().getBoolean("listed"));
    }

    private static WriteKey view(Row row) {
        return new WriteKey(
                row.getUUID("id"),
                row.getString("name"),
                row.getBoolean("identify"),
                row.getBoolean("event_logs"),
                traits(row),
                origins(row),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("last_used_at"),
                row.getOffsetDateTime("revoked_at"));
    }

    private static TraitNames traits(Row row) {
        return new TraitNames(
                row.getString("trait_business_unit"),
                row.getString("trait_job_role"),
                row.getString("trait_manager_id"),
                row.getString("trait_executive"));
    }

    private static List<String> origins(Row row) {
        return List.of(row.getArrayOfStrings("origins"));
    }
}
