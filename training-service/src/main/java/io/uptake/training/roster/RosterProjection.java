package io.uptake.training.roster;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.messaging.ConsumerFailures;
import io.uptake.platform.api.Json;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The roster as training-service knows it: {@code uptake.people} (compacted; key userId, value the
 * person as metrics-service publishes it) kept in the local {@code person} table, a batch of records
 * per statement. A record is a whole state, so applying it twice is harmless; an older state never
 * overwrites a newer one; a tombstone (null value) marks the person inactive.
 */
@ApplicationScoped
public class RosterProjection {

    private static final String UPSERT = """
            insert into person as p (user_id, display_name, business_unit, job_role, active, updated_at)
            select * from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::boolean[], $6::timestamptz[])
            on conflict (user_id) do update set display_name = excluded.display_name, business_unit = excluded.business_unit,
                job_role = excluded.job_role, active = excluded.active, updated_at = excluded.updated_at
            where p.updated_at <= excluded.updated_at""";

    /** One person's latest state in a batch. */
    private record State(String userId, String displayName, String businessUnit, String jobRole, boolean active, OffsetDateTime updatedAt) {
    }

    private final Pool pool;
    private final Json json;

    public RosterProjection(Pool pool, Json json) {
        this.pool = pool;
        this.json = json;
    }

    @Incoming("people-in")
    public Uni<Void> apply(ConsumerRecords<String, String> records) {
        Map<String, State> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            State state = read(record);
            if (state != null) {
                latest.merge(state.userId(), state, (older, newer) -> newer.updatedAt().isBefore(older.updatedAt()) ? older : newer);
            }
        }
        if (latest.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<State> states = List.copyOf(latest.values());
        Tuple arguments = Tuple.tuple(List.of(
                states.stream().map(State::userId).toArray(String[]::new),
                states.stream().map(State::displayName).toArray(String[]::new),
                states.stream().map(State::businessUnit).toArray(String[]::new),
                states.stream().map(State::jobRole).toArray(String[]::new),
                states.stream().map(State::active).toArray(Boolean[]::new),
                states.stream().map(State::updatedAt).toArray(OffsetDateTime[]::new)));
        return pool.preparedQuery(UPSERT).execute(arguments).replaceWithVoid()
                .onFailure().invoke(failure -> Log.warnf("Roster batch not applied, retrying: %s", failure.getMessage()))
                .onFailure(ConsumerFailures::permanent).recoverWithUni(failure -> {
                    Log.errorf("Roster batch skipped: PostgreSQL refuses its data (%s)", failure.getMessage());
                    return Uni.createFrom().voidItem();
                })
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).indefinitely();
    }

    /** The state a record carries; a tombstone is an inactive person as of now; null for what cannot be read. */
    private State read(ConsumerRecord<String, String> record) {
        if (record.key() == null || record.key().isBlank() || record.key().length() > 100) {
            Log.warnf("Skipped a person record whose key is no user id: %s", record.key());
            return null;
        }
        if (record.value() == null) {
            return new State(record.key(), null, null, null, false, OffsetDateTime.now(ZoneOffset.UTC));
        }
        try {
            JsonNode person = json.tree(record.value());
            OffsetDateTime updatedAt = person.hasNonNull("updatedAt") ? OffsetDateTime.parse(person.get("updatedAt").asText())
                    : OffsetDateTime.now(ZoneOffset.UTC);
            return new State(record.key(), text(person, "displayName"), text(person, "businessUnit"), text(person, "jobRole"),
                    !person.has("active") || person.get("active").asBoolean(true), updatedAt);
        } catch (RuntimeException unreadable) {
            Log.warnf("Skipped an unreadable person record (key %s)", record.key());
            return null;
        }
    }

    /** A text field, cut to the 200 characters the projection keeps. */
    private static String text(JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            return null;
        }
        String text = node.get(field).asText();
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
