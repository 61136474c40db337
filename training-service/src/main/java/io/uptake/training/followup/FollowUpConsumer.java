package io.uptake.training.followup;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.Json;
import io.uptake.platform.messaging.ConsumerFailures;
import io.uptake.training.assignment.AssignmentStore;
import io.uptake.training.assignment.Reason;
import io.uptake.training.assignment.Retraining;
import io.uptake.training.assignment.RetrainingPlanner;
import io.uptake.training.assignment.TrainingEvents;
import io.uptake.training.module.Mode;
import io.uptake.training.module.ModuleService;
import io.uptake.training.policy.PolicyService;
import io.uptake.training.preference.Preferences;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
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
    private final AssignmentStore assignments;
    private final PolicyService policies;
    private final ModuleService modules;
    private final Preferences preferences;
    private final Retraining retraining;
    private final TrainingEvents events;

    public FollowUpConsumer(
            Pool pool,
            Json json,
            AssignmentStore assignments,
            PolicyService policies,
            ModuleService modules,
            Preferences preferences,
            Retraining retraining,
            TrainingEvents events) {
        this.pool = pool;
        this.json = json;
        this.assignments = assignments;
        this.policies = policies;
        this.modules = modules;
        this.preferences = preferences;
        this.retraining = retraining;
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
        Action action;
        try {
            action = read(record.value());
        } catch (ConsumerFailures.UnusableRecord unusable) {
            Log.warnf(
                    "A follow-up action goes to the dead-letter topic (key %s): %s",
                    record.key(), unusable.getMessage());
            return Uni.createFrom().failure(unusable);
        }
        return ConsumerFailures.retryingTransient(pool.withTransaction(connection -> handle(connection, action))
                .invoke(events::flushSoon)
                .onFailure()
                .invoke(failure -> Log.warnf(
                        "Follow-up action %s not handled%s: %s",
                        action.eventId(),
                        ConsumerFailures.permanent(failure) ? " (to the dead-letter topic)" : ", retrying",
                        failure.getMessage())));
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
        String key = "follow-up:" + action.eventId();
        return connection
                .preparedQuery("insert into processed_event (event_key) values ($1) on conflict do nothing")
                .execute(Tuple.of(key))
                .flatMap(first -> {
                    if (first.rowCount() == 0) {
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
        return connection
                .preparedQuery(
                        "select 1 from assignment where user_id = $1 and skill = $2 and kind = 'TRAINING' and status in "
                                + AssignmentStore.OPEN)
                .execute(Tuple.of(action.userId(), action.skill()))
                .flatMap(open -> {
                    if (open.size() > 0) {
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
                                    AssignmentStore.Draft draft = new AssignmentStore.Draft(
                                            action.userId(),
                                            unit,
                                            "TRAINING",
                                            action.skill(),
                                            plan.moduleId(),
                                            plan.mode().name(),
                                            null,
                                            plan.dueOn(),
                                            Reason.followUp(
                                                    action.skill(),
                                                    action.followUpId(),
                                                    action.agreedBy(),
                                                    action.rootCause()),
                                            action.agreedBy() == null ? "system" : action.agreedBy());
                                    return assignments
                                            .insert(connection, draft)
                                            .call(id -> plan.mode() == Mode.INSTRUCTOR_LED
                                                    ? retraining.book(connection, plan.moduleId(), action.userId(), id)
                                                    : Uni.createFrom().voidItem())
                                            .flatMap(id -> assignments.find(connection, id))
                                            .flatMap(view ->
                                                    events.record(connection, TrainingEvents.ASSIGNED, List.of(view)));
                                })));
    }

    /** The unit the action names, else the person's in the roster (null when unknown). */
    private Uni<String> unitOf(SqlConnection connection, Action action) {
        if (action.businessUnit() != null) {
            return Uni.createFrom().item(action.businessUnit());
        }
        return connection
                .preparedQuery("select business_unit from person where user_id = $1")
                .execute(Tuple.of(action.userId()))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("business_unit"));
    }
}
