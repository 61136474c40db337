package io.uptake.platform.outbox;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.uptake.platform.work.PeriodicWork;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The transactional outbox of a service: facts are written to its {@code outbox} table in the
 * transaction that makes them true, and relayed to Kafka afterwards. A row is deleted only once Kafka
 * has confirmed it, so a crash between the two publishes it twice: every record carries an event id or
 * a whole state, and its readers drop or absorb the repeat. Rows are claimed with {@code skip locked},
 * so replicas share the table without publishing a row twice at once.
 */
@ApplicationScoped
public class Outbox {

    static final int BATCH = 2000;

    /**
     * The start of every statement that writes outbox rows, naming the columns a row is written with: a
     * store that writes its rows in its own set-based statement (to keep them atomic with its change)
     * follows it with the select of the channel, key, payload and traceparent.
     */
    public static final String INSERT = "insert into outbox (channel, key, payload, traceparent)";

    private static final String WRITE = INSERT + " values ($1, $2, $3, $4)";

    private static final String WRITE_ALL = """
            %s
            select $1, k, p, $4 from unnest($2::varchar[], $3::text[]) with ordinality as t(k, p, n) order by n""".formatted(INSERT);

    /** The buffer each outgoing emitter needs: one batch in flight and the next one queued. */
    public static final int EMITTER_BUFFER = 2 * BATCH;

    private final Pool pool;
    private final Vertx vertx;
    private final OutboxChannels channels;
    private final Duration interval;
    private final PeriodicWork relay = new PeriodicWork("Outbox relay", this::relayAndLog);

    public Outbox(Pool pool, Vertx vertx, OutboxChannels channels, OutboxConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.channels = channels;
        this.interval = config.interval();
    }

    void start(@Observes StartupEvent started) {
        relay.start(vertx, interval, interval);
    }

    void stop(@Observes ShutdownEvent stopping) {
        relay.stop();
    }

    /** Writes one record to publish on {@code channel}, in the caller's transaction (the trace under way goes with it). */
    public Uni<Void> write(SqlClient transaction, String channel, String key, String payload) {
        return transaction
                .preparedQuery(WRITE)
                .execute(Tuple.of(channel, key, payload, OutboxTrace.current()))
                .replaceWithVoid();
    }

    /** Writes one record per key and payload (same positions) to publish on {@code channel}, in one statement. */
    public Uni<Void> writeAll(SqlClient transaction, String channel, List<String> keys, List<String> payloads) {
        if (keys.size() != payloads.size()) {
            throw new IllegalArgumentException(keys.size() + " keys for " + payloads.size() + " payloads");
        }
        if (keys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return transaction
                .preparedQuery(WRITE_ALL)
                .execute(Tuple.of(
                        channel, keys.toArray(String[]::new), payloads.toArray(String[]::new), OutboxTrace.current()))
                .replaceWithVoid();
    }

    /** Asks for what waits in the outbox to be published now (call it once the writing transaction has committed). */
    public void runSoon() {
        relay.runSoon();
    }

    private Uni<Integer> relayAndLog() {
        return relayAll().invoke(sent -> {
            if (sent > 0) {
                Log.debugf("Published %d outbox record(s)", sent);
            }
        });
    }

    /** Every waiting row, a batch per transaction, until a batch comes back short. */
    Uni<Integer> relayAll() {
        return pool.withTransaction(this::relayBatch)
                .flatMap(sent -> sent == BATCH
                        ? relayAll().map(more -> sent + more)
                        : Uni.createFrom().item(sent));
    }

    private Uni<Integer> relayBatch(SqlConnection connection) {
        return connection
                .query("select id, channel, key, payload, traceparent from outbox order by id limit " + BATCH
                        + " for update skip locked")
                .execute()
                .flatMap(rows -> send(rows)
                        .flatMap(ids -> ids.isEmpty()
                                ? Uni.createFrom().item(0)
                                : connection
                                        .preparedQuery("delete from outbox where id = any($1)")
                                        .execute(Tuple.of(ids.toArray(Long[]::new)))
                                        .map(deleted -> ids.size())));
    }

    private Uni<List<Long>> send(RowSet<Row> rows) {
        List<Long> ids = new ArrayList<>(rows.size());
        List<Uni<Void>> sends = new ArrayList<>(rows.size());
        for (Row row : rows) {
            MutinyEmitter<String> emitter = channels.emitter(row.getString("channel"));
            if (emitter == null) {
                Log.errorf(
                        "Outbox row %d names no known channel '%s'; left in place",
                        row.getLong("id"), row.getString("channel"));
                continue;
            }
            ids.add(row.getLong("id"));
            sends.add(emitter.sendMessage(OutboxTrace.continuing(
                    Message.of(row.getString("payload"))
                            .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                                    .withKey(row.getString("key"))
                                    .build()),
                    row.getString("traceparent"))));
        }
        return sends.isEmpty()
                ? Uni.createFrom().item(ids)
                : Uni.join().all(sends).andFailFast().replaceWith(ids);
    }
}
