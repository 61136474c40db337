package io.uptake.training.roster;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.uptake.platform.messaging.DeadLetterTopic;
import io.uptake.platform.messaging.DeadLetterTopic.DeadLetter;
import io.uptake.training.roster.PersonRecords.State;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The roster as training-service knows it: {@code uptake.people} (compacted; key userId, value the
 * person as metrics-service publishes it) kept in the local {@code person} table, a batch of records
 * per statement. A record is a whole state, so applying it twice is harmless; an older state never
 * overwrites a newer one; a tombstone (null value) marks the person inactive. What can never be applied
 * (not a person, or refused by PostgreSQL) goes to {@code uptake.people.dead-letter} with the reason.
 */
@ApplicationScoped
public class RosterProjection {

    private static final String UPSERT = """
            insert into person as p (user_id, display_name, business_unit, job_role, active, updated_at)
            select * from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::boolean[], $6::timestamptz[])
            on conflict (user_id) do update set display_name = excluded.display_name, business_unit = excluded.business_unit,
                job_role = excluded.job_role, active = excluded.active, updated_at = excluded.updated_at
            where p.updated_at <= excluded.updated_at""";

    private final Pool pool;
    private final DeadLetterTopic deadLetters;

    public RosterProjection(Pool pool, @Channel("people-dead-letter") MutinyEmitter<byte[]> deadLetters) {
        this.pool = pool;
        this.deadLetters = new DeadLetterTopic(deadLetters);
    }

    @Incoming("people-in")
    public Uni<Void> apply(ConsumerRecords<String, String> records) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, State> latest = new LinkedHashMap<>();
        List<DeadLetter> unreadable = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                State state = PersonRecords.read(record.key(), record.value(), now);
                latest.merge(
                        state.userId(),
                        state,
                        (older, newer) -> newer.updatedAt().isBefore(older.updatedAt()) ? older : newer);
            } catch (PersonRecords.Unreadable reason) {
                unreadable.add(DeadLetter.of(record.key(), record.value(), reason.getMessage()));
            }
        }
        if (!unreadable.isEmpty()) {
            Log.errorf("%d person records that are not people go to the dead-letter topic", unreadable.size());
        }
        return deadLetters
                .send(unreadable)
                .chain(() -> deadLetters.applyOrDeadLetter(
                        "roster changes",
                        List.copyOf(latest.values()),
                        this::upsert,
                        (state, reason) -> DeadLetter.of(state.userId(), state.source(), reason)));
    }

    private Uni<Void> upsert(List<State> states) {
        Tuple arguments = Tuple.tuple(List.of(
                states.stream().map(State::userId).toArray(String[]::new),
                states.stream().map(State::displayName).toArray(String[]::new),
                states.stream().map(State::businessUnit).toArray(String[]::new),
                states.stream().map(State::jobRole).toArray(String[]::new),
                states.stream().map(State::active).toArray(Boolean[]::new),
                states.stream().map(State::updatedAt).toArray(OffsetDateTime[]::new)));
        return pool.preparedQuery(UPSERT).execute(arguments).replaceWithVoid();
    }
}
