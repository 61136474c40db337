package io.uptake.training.shortfall;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.Json;
import io.uptake.platform.messaging.ConsumerFailures;
import io.uptake.platform.messaging.RecordHandling;
import io.uptake.training.assessment.TestStore;
import io.uptake.training.assignment.Assigner;
import io.uptake.training.assignment.AssignmentDraft;
import io.uptake.training.assignment.Reason;
import io.uptake.training.assignment.ReasonKind;
import io.uptake.training.assignment.TrainingEvents;
import io.uptake.training.inbox.ProcessedEventStore;
import io.uptake.training.policy.PolicyService;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code uptake.adoption-shortfalls} (key userId; value {@code {userId, businessUnit, jobRole, period,
 * from, to, status, score, gap, missed}}): a person below their objectives gets the test relevant to
 * their business unit and job role assigned, once. The event's identity (person, period, start) is
 * recorded in {@code processed_event} in the same transaction as the assignment, so a redelivered
 * event does nothing; and a test already open for the person is not assigned again by a later event.
 */
@ApplicationScoped
public class ShortfallConsumer {

    private final Pool pool;
    private final Json json;
    private final Assigner assigner;
    private final ProcessedEventStore processed;
    private final TestStore tests;
    private final PolicyService policies;
    private final TrainingEvents events;
    private final RecordHandling handling = new RecordHandling(ShortfallConsumer.class);

    public ShortfallConsumer(
            Pool pool,
            Json json,
            Assigner assigner,
            ProcessedEventStore processed,
            TestStore tests,
            PolicyService policies,
            TrainingEvents events) {
        this.pool = pool;
        this.json = json;
        this.assigner = assigner;
        this.processed = processed;
        this.tests = tests;
        this.policies = policies;
        this.events = events;
    }

    @Incoming("shortfalls-in")
    public Uni<Void> onShortfall(ConsumerRecord<String, String> record) {
        return handling.handle(
                () -> read(record),
                shortfall -> "Shortfall of " + shortfall.get("userId").asText() + " not handled",
                shortfall -> pool.withTransaction(connection -> handle(connection, shortfall))
                        .invoke(events::runSoon));
    }

    /** The notice, or {@link ConsumerFailures.UnusableRecord} (logged) when it can never be handled. */
    private JsonNode read(ConsumerRecord<String, String> record) {
        JsonNode notice;
        try {
            notice = record.value() == null ? null : json.tree(record.value());
        } catch (IllegalStateException unreadable) {
            Log.warnf("A shortfall record that is not JSON goes to the dead-letter topic (key %s)", record.key());
            throw new ConsumerFailures.UnusableRecord("not a shortfall notice", unreadable);
        }
        if (notice == null || !notice.hasNonNull("userId")) {
            Log.warnf("A shortfall record without userId goes to the dead-letter topic (key %s)", record.key());
            throw new ConsumerFailures.UnusableRecord("a shortfall notice needs a userId");
        }
        return notice;
    }

    /** The event's identity: person, period kind and start. */
    public static String eventKey(JsonNode notice) {
        return "shortfall:" + notice.path("userId").asText() + ":"
                + notice.path("period").asText() + ":" + notice.path("from").asText();
    }

    private Uni<Void> handle(SqlConnection connection, JsonNode notice) {
        String userId = notice.get("userId").asText();
        String unit =
                notice.hasNonNull("businessUnit") ? notice.get("businessUnit").asText() : null;
        String role = notice.hasNonNull("jobRole") ? notice.get("jobRole").asText() : null;
        return processed.claim(connection, eventKey(notice)).flatMap(first -> {
            if (!first) {
                Log.debugf("Shortfall %s already handled", eventKey(notice));
                return Uni.createFrom().voidItem();
            }
            return tests.mostRelevant(connection, unit, role).flatMap(testId -> {
                if (testId == null) {
                    Log.infof(
                            "No test is open to %s / %s; shortfall of %s noted without an assignment",
                            unit, role, userId);
                    return Uni.createFrom().voidItem();
                }
                return policies.find(connection, unit)
                        .flatMap(policy -> assigner.assign(
                                connection,
                                AssignmentDraft.test(
                                        userId,
                                        unit,
                                        null,
                                        testId,
                                        LocalDate.now(ZoneOffset.UTC).plusDays(policy.dueInDays()),
                                        reason(notice))))
                        .replaceWithVoid();
            });
        });
    }

    private static Reason reason(JsonNode notice) {
        return new Reason(
                ReasonKind.SHORTFALL,
                null,
                notice.hasNonNull("score") ? notice.get("score").asInt() : null,
                null,
                null,
                "below CRM usage objectives ("
                        + notice.path("status").asText() + ") in the "
                        + notice.path("period").asText() + " "
                        + notice.path("from").asText() + " to "
                        + notice.path("to").asText());
    }
}
