package io.uptake.training.followup;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.Json;
import io.uptake.platform.messaging.ConsumerFailures;
import io.uptake.platform.messaging.RecordHandling;
import io.uptake.training.assignment.Assigner;
import io.uptake.training.assignment.AssignmentDraft;
import io.uptake.training.assignment.AssignmentKind;
import io.uptake.training.assignment.Reason;
import io.uptake.training.assignment.RetrainingPlanner;
import io.uptake.training.assignment.TrainingEvents;
import io.uptake.training.inbox.ProcessedEventStore;
import io.uptake.training.module.ModuleStore;
import io.uptake.training.policy.PolicyService;
import io.uptake.training.preference.PreferenceStore;
import io.uptake.training.roster.PersonStore;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code uptake.follow-up-actions} (key userId; value {@code {eventId, type, followUpId, userId,
 * businessUnit, skill, dueOn, agreedBy, rootCause, occurredAt}}): training a manager agreed with a person
 * becomes a TRAINING assignment of the skill (module by the person's preference, else the unit's preferred
 * mode, else whatever covers the skill), due on {@code dueOn}, reason {@code FOLLOW_UP}, assigned by the
 * manager. {@code follow-up:<eventId>} is recorded in {@code processed_event} in the assignment's
 * transaction, so a redelivered action does nothing.
 */
@ApplicationScoped
public class FollowUpConsumer {

    static final String TRAINING_AGREED = "follow-up.training-agreed";

    private final Pool pool;
    private final Json json;
    private final Assigner assigner;
    private final ProcessedEventStore processed;
    private final PersonStore people;
    private final PolicyService policies;
    private final ModuleStore modules;
    private final PreferenceStore preferences;
    private final TrainingEvents events;
    private final RecordHandling handling = new RecordHandling(FollowUpConsumer.class);

    public FollowUpConsumer(
            Pool pool,
            Json json,
            Assigner assigner,
            ProcessedEventStore processed,
            PersonStore people,
            PolicyService policies,
            ModuleStore modules,
            PreferenceStore preferences,
            TrainingEvents events) {
        this.pool = pool;
        this.json = json;
        this.assigner = assigner;
        this.processed = processed;
        this.people = people;
        this.policies = policies;
        this.modules = modules;
        this.preferences = preferences;
        this.events = events;
    }

    /** An agreed follow-up as read from the record. */
    record Action(
            UUID eventId,
            String type,
            UUID followUpId,
            String userId,
            String businessUnit,
            String skill,
            LocalDate dueOn,
            String agreedBy,
            String rootCause) {}

    @Incoming("follow-up-actions-in")
    public Uni<Void> onAction(ConsumerRecord<String, String> record) {
        return handling.handle(
                () -> readLogged(record),
                action -> "Follow-up action " + action.eventId() + " not handled",
                action -> pool.withTransaction(connection -> handle(connection, action))
                        .invoke(events::runSoon));
    }

    /** {@link #read}, saying in the log why a record goes to the dead-letter topic. */
    private Action readLogged(ConsumerRecord<String, String> record) {
        try {
            return read(record.value());
        } catch (ConsumerFailures.UnusableRecord unusable) {
            Log.warnf(
                    "A follow-up action goes to the dead-letter topic (key %s): %s",
                    record.key(), unusable.getMessage());
            throw unusable;
        }
    }

    /** The action, or {@link ConsumerFailures.UnusableRecord} when it can never be handled. */
    Action read(String value) {
        JsonNode node;
        try {
            node = value == null ? null : json.tree(value);
        } catch (IllegalStateException unreadable) {
            throw new ConsumerFailures.UnusableRecord("not a follow-up action", unreadable);
        }
        if (node == null || !node.isObject()) {
            throw new ConsumerFailures.UnusableRecord("not a follow-up action");
        }
        for (String required : List.of("eventId", "userId", "skill")) {
            if (!node.hasNonNull(required) || node.get(required).asText().isBlank()) {
                throw new ConsumerFailures.UnusableRecord("a follow-up action needs " + required);
            }
        }
        try {
            return new Action(
                    UUID.fromString(node.get("eventId").asText()),
                    text(node, "type"),
                    node.hasNonNull("followUpId")
                            ? UUID.fromString(node.get("followUpId").asText())
                            : null,
                    node.get("userId").asText(),
                    text(node, "businessUnit"),
                    node.get("skill").asText(),
                    node.hasNonNull("dueOn") ? LocalDate.parse(node.get("dueOn").asText()) : null,
                    text(node, "agreedBy"),
                    text(node, "rootCause"));
        } catch (IllegalArgumentException | DateTimeParseException malformed) {
            throw new ConsumerFailures.UnusableRecord(
                    "a follow-up action with a malformed eventId, followUpId or dueOn", malformed);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private Uni<Void> handle(SqlConnection connection, Action action) {
        return processed.claim(connection, "follow-up:" + action.eventId()).flatMap(first -> {
            if (!first) {
                Log.debugf("Follow-up action %s already handled", action.eventId());
                return Uni.createFrom().voidItem();
            }
            if (action.type() != null && !TRAINING_AGREED.equals(action.type())) {
                Log.infof("Follow-up action %s of type %s: nothing to assign", action.eventId(), action.type());
                return Uni.createFrom().voidItem();
            }
            return assign(connection, action);
        });
    }

    private Uni<Void> assign(SqlConnection connection, Action action) {
        return assigner.hasOpenTraining(connection, action.userId(), action.skill())
                .flatMap(open -> {
                    if (open) {
                        Log.infof(
                                "Follow-up action %s: %s already has open training of %s; nothing assigned",
                                action.eventId(), action.userId(), action.skill());
                        return Uni.createFrom().voidItem();
                    }
                    return assignNew(connection, action);
                });
    }

    private Uni<Void> assignNew(SqlConnection connection, Action action) {
        return unitOf(connection, action)
                .flatMap(unit -> policies.find(connection, unit)
                        .flatMap(policy -> modules.candidates(connection, action.skill(), null)
                                .flatMap(candidates -> preferences
                                        .of(connection, action.userId())
                                        .map(personal -> RetrainingPlanner.training(
                                                policy,
                                                personal,
                                                policy.preferredMode(),
                                                candidates,
                                                LocalDate.now(ZoneOffset.UTC),
                                                action.dueOn())))
                                .flatMap(plan -> {
                                    if (plan.moduleId() == null) {
                                        Log.infof(
                                                "Follow-up action %s: no module covers skill '%s' (or no such skill); nothing assigned",
                                                action.eventId(), action.skill());
                                        return Uni.createFrom().voidItem();
                                    }
                                    return assigner.assign(connection, draft(action, unit, plan))
                                            .replaceWithVoid();
                                })));
    }

    private static AssignmentDraft draft(Action action, String unit, RetrainingPlanner.Plan plan) {
        return new AssignmentDraft(
                action.userId(),
                unit,
                AssignmentKind.TRAINING,
                action.skill(),
                plan.moduleId(),
                plan.mode(),
                null,
                plan.dueOn(),
                Reason.followUp(action.skill(), action.rootCause()),
                action.agreedBy() == null ? "system" : action.agreedBy());
    }

    /** The unit the action names, else the person's in the roster (null when unknown). */
    private Uni<String> unitOf(SqlConnection connection, Action action) {
        return action.businessUnit() != null
                ? Uni.createFrom().item(action.businessUnit())
                : people.businessUnitOf(connection, action.userId());
    }
}
