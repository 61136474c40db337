package io.uptake.training.roster;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.uptake.platform.messaging.DeadLetterTopic;
import io.uptake.platform.messaging.DeadLetterTopic.DeadLetter;
import io.uptake.training.roster.PersonRecords.State;
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

    private final PersonStore people;
    private final DeadLetterTopic deadLetters;

    public RosterProjection(PersonStore people, @Channel("people-dead-letter") MutinyEmitter<byte[]> deadLetters) {
        this.people = people;
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
                        people::upsert,
                        (state, reason) -> DeadLetter.of(state.userId(), state.source(), reason)));
    }
}
