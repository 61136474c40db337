package io.uptake.metrics.effectiveness;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.uptake.platform.api.Json;
import io.uptake.platform.messaging.DeadLetterTopic;
import io.uptake.platform.messaging.DeadLetterTopic.DeadLetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code uptake.training-events}, a batch at a time: each assignment's latest state, for training effectiveness
 * (a bulk assignment to thousands is thousands of records). A record whose assignment lacks its id, person, kind,
 * status or creation time, or an event without occurredAt, goes to {@code uptake.training-events.dead-letter}; a repeat or an older event changes
 * nothing.
 */
@ApplicationScoped
public class TrainingEventConsumer {

    private final Json json;
    private final TrainingAssignmentStore store;
    private final DeadLetterTopic deadLetters;

    public TrainingEventConsumer(
            Json json,
            TrainingAssignmentStore store,
            @Channel("training-events-dead-letter") MutinyEmitter<byte[]> deadLetters) {
        this.json = json;
        this.store = store;
        this.deadLetters = new DeadLetterTopic(deadLetters);
    }

    @Incoming("training-events-in")
    public Uni<Void> onTrainingEvents(ConsumerRecords<String, String> records) {
        Map<UUID, TrainingAssignmentStore.Announced> latest = new LinkedHashMap<>();
        List<DeadLetter> unreadable = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                TrainingAssignmentStore.Announced assignment = read(record.value());
                latest.merge(
                        assignment.id(),
                        assignment,
                        (older, newer) -> newer.eventAt().isBefore(older.eventAt()) ? older : newer);
            } catch (IllegalStateException | IllegalArgumentException | DateTimeParseException unusable) {
                unreadable.add(DeadLetter.of(record.key(), record.value(), String.valueOf(unusable.getMessage())));
            }
        }
        if (!unreadable.isEmpty()) {
            Log.errorf("%d training events that cannot be read go to the dead-letter topic", unreadable.size());
        }
        return deadLetters
                .send(unreadable)
                .chain(() -> deadLetters.applyOrDeadLetter(
                        "training events",
                        List.copyOf(latest.values()),
                        store::apply,
                        (assignment, reason) -> DeadLetter.of(assignment.userId(), assignment.toString(), reason)));
    }

    TrainingAssignmentStore.Announced read(String value) {
        if (value == null) {
            throw new IllegalArgumentException("no value");
        }
        JsonNode event = json.tree(value);
        JsonNode assignment = event.path("assignment");
        OffsetDateTime createdAt = OffsetDateTime.parse(required(assignment, "createdAt"));
        return new TrainingAssignmentStore.Announced(
                UUID.fromString(required(assignment, "id")),
                required(assignment, "userId"),
                optional(assignment, "businessUnit"),
                required(assignment, "kind"),
                optional(assignment, "skill"),
                optional(assignment, "moduleId"),
                optional(assignment, "moduleTitle"),
                optional(assignment, "mode"),
                required(assignment, "status"),
                createdAt,
                assignment.hasNonNull("completedAt") ? OffsetDateTime.parse(required(assignment, "completedAt")) : null,
                // the order of an assignment's events: required, so that an old event redelivered never wins a tie
                OffsetDateTime.parse(required(event, "occurredAt")),
                assignment.hasNonNull("dueOn") ? LocalDate.parse(required(assignment, "dueOn")) : null);
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("a training event needs " + field);
        }
        return value.asText();
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
