package io.uptake.training.outbox;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Relays the outbox to {@code uptake.training-events}: each row is deleted only once Kafka has
 * confirmed it. A crash in between sends a row twice; each event carries its {@code eventId}, so
 * readers can drop the repeat.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final int BATCH = 500;

    private final Pool pool;
    private final Vertx vertx;
    private final MutinyEmitter<String> events;
    private final long intervalMillis;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    public OutboxRelay(Pool pool, Vertx vertx,
            @Channel("training-events-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2 * BATCH) MutinyEmitter<String> events,
            @ConfigProperty(name = "uptake.outbox.interval-ms", defaultValue = "1000") long intervalMillis) {
        this.pool = pool;
        this.vertx = vertx;
        this.events = events;
        this.intervalMillis = intervalMillis;
    }

    void start(@Observes StartupEvent started) {
        timer = vertx.setPeriodic(intervalMillis, tick -> nudge());
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Relays what waits in the outbox now, unless a relay is already under way. */
    public void nudge() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        relayAll()
                .onTermination().invoke(() -> running.set(false))
                .subscribe().with(sent -> Log.debugf("Published %d training event(s)", sent),
                        failure -> Log.warnf("Outbox relay failed, will retry: %s", failure.getMessage()));
    }

    private Uni<Integer> relayAll() {
        return pool.withTransaction(this::relayBatch)
                .flatMap(sent -> sent == BATCH ? relayAll().map(more -> sent + more) : Uni.createFrom().item(sent));
    }

    private Uni<Integer> relayBatch(SqlConnection connection) {
        return connection.query("select id, key, payload, traceparent from outbox order by id limit " + BATCH + " for update skip locked")
                .execute()
                .flatMap(rows -> send(rows).flatMap(ids -> ids.isEmpty()
                        ? Uni.createFrom().item(0)
                        : connection.preparedQuery("delete from outbox where id = any($1)")
                                .execute(Tuple.of(ids.toArray(Long[]::new)))
                                .map(deleted -> ids.size())));
    }

    private Uni<List<Long>> send(RowSet<Row> rows) {
        List<Long> ids = new ArrayList<>(rows.size());
        List<Uni<Void>> sends = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ids.add(row.getLong("id"));
            sends.add(events.sendMessage(OutboxTrace.continuing(Message.of(row.getString("payload"))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(row.getString("key")).build()),
                    row.getString("traceparent"))));
        }
        return sends.isEmpty() ? Uni.createFrom().item(ids) : Uni.join().all(sends).andFailFast().replaceWith(ids);
    }
}
