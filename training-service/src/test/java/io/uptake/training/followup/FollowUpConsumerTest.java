package io.uptake.training.followup;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static io.uptake.training.support.Catalogue.HR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.uptake.testsupport.DeadLetters;
import io.uptake.training.messaging.TrainingEventsProbe;
import io.uptake.training.messaging.UpstreamProbe;
import io.uptake.training.support.Catalogue;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Training agreed in a follow-up, from the real Kafka test topic: assigned once however often delivered, one event. */
@QuarkusTest
class FollowUpConsumerTest {

    private final UpstreamProbe upstream;
    private final TrainingEventsProbe events;
    private final Pool pool;

    FollowUpConsumerTest(UpstreamProbe upstream, TrainingEventsProbe events, Pool pool) {
        this.upstream = upstream;
        this.events = events;
        this.pool = pool;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String action(String eventId, String userId, String unit, String skill, LocalDate dueOn) {
        return """
                {"eventId":"%s","type":"follow-up.training-agreed","followUpId":"%s","userId":"%s","businessUnit":%s,
                 "skill":"%s","dueOn":"%s","agreedBy":"mark","rootCause":"training","occurredAt":"2026-12-01T10:00:00Z"}""".formatted(
                        eventId, UUID.randomUUID(), userId, unit == null ? "null" : "\"" + unit + "\"", skill, dueOn);
    }

    private boolean processed(String key) {
        return pool.preparedQuery("select 1 from processed_event where event_key = $1")
                        .execute(Tuple.of(key))
                        .await()
                        .atMost(Duration.ofSeconds(10))
                        .size()
                == 1;
    }

    private static JsonPath assignmentsOf(String userId) {
        return given().auth()
                .oauth2(accessToken(HR))
                .queryParam("userId", userId)
                .queryParam("size", 500)
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void theSameActionDeliveredTwiceAssignsTrainingOnceInTheUnitsModeWithOneEvent() {
        String unit = Catalogue.unique("Unit");
        String userId = Catalogue.unique("follow");
        String skill = Catalogue.skill();
        Catalogue.module(List.of(skill), "ELEARNING");
        String classroom = Catalogue.module(List.of(skill), "INSTRUCTOR_LED");
        Catalogue.policy(unit, 70, "INSTRUCTOR_LED", 14);
        LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(20);
        String eventId = UUID.randomUUID().toString();
        String agreed = action(eventId, userId, unit, skill, due);

        upstream.followUp(userId, agreed);
        upstream.followUp(userId, agreed);
        // then one for a skill nobody teaches (same key, same partition: handled after both): noted, nothing assigned
        String unknown = UUID.randomUUID().toString();
        upstream.followUp(userId, action(unknown, userId, unit, "no-such-skill-" + userId, due));

        await().atMost(Duration.ofSeconds(60)).until(() -> processed("follow-up:" + unknown));
        assertThat(processed("follow-up:" + eventId)).isTrue();

        JsonPath assignments = assignmentsOf(userId);
        assertThat(assignments.getList("items")).hasSize(1);
        assertThat(assignments.getString("items[0].kind")).isEqualTo("TRAINING");
        assertThat(assignments.getString("items[0].skill")).isEqualTo(skill);
        assertThat(assignments.getString("items[0].moduleId")).isEqualTo(classroom);
        assertThat(assignments.getString("items[0].mode")).isEqualTo("INSTRUCTOR_LED");
        assertThat(assignments.getString("items[0].businessUnit")).isEqualTo(unit);
        assertThat(assignments.getString("items[0].dueOn")).isEqualTo(due.toString());
        assertThat(assignments.getString("items[0].assignedBy")).isEqualTo("mark");
        assertThat(assignments.getString("items[0].reason.kind")).isEqualTo("FOLLOW_UP");
        assertThat(assignments.getString("items[0].reason.skill")).isEqualTo(skill);
        // read by people: no follow-up id and no user id in the words (who agreed it is assignedByName)
        assertThat(assignments.getString("items[0].reason.detail"))
                .isEqualTo("training on " + skill + " agreed in a follow-up (root cause: training)");
        String id = assignments.getString("items[0].id");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> events.about(id, "training.assigned").size() == 1);
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> events.about(id, "training.assigned").size() == 1
                        && events.valuesFor(userId).size() == 1);
        assertThat(events.about(id, "training.assigned").getFirst().key()).isEqualTo(userId);
        assertThat(events.about(id, "training.assigned")
                        .getFirst()
                        .value()
                        .path("assignment")
                        .path("reason")
                        .path("kind")
                        .asText())
                .isEqualTo("FOLLOW_UP");
    }

    @Test
    void thePersonsPreferredModeWinsOverTheUnitsWhereAModuleInItExists() {
        String person = "erin"; // takes no other follow-up; the preference is cleared again below
        String unit = Catalogue.unique("Unit");
        String skill = Catalogue.skill();
        String course = Catalogue.module(List.of(skill), "ELEARNING");
        Catalogue.module(List.of(skill), "INSTRUCTOR_LED");
        Catalogue.policy(unit, 70, "INSTRUCTOR_LED", 14);
        try {
            preference(person, "ELEARNING");
            String eventId = UUID.randomUUID().toString();
            upstream.followUp(
                    person,
                    action(
                            eventId,
                            person,
                            unit,
                            skill,
                            LocalDate.now(ZoneOffset.UTC).plusDays(5)));
            await().atMost(Duration.ofSeconds(60)).until(() -> processed("follow-up:" + eventId));
            List<java.util.Map<String, Object>> mine = assignmentsOf(person).getList("items");
            assertThat(mine)
                    .filteredOn(assignment -> skill.equals(assignment.get("skill")))
                    .singleElement()
                    .satisfies(assignment -> {
                        assertThat(assignment.get("moduleId")).isEqualTo(course);
                        assertThat(assignment.get("mode")).isEqualTo("ELEARNING");
                    });
        } finally {
            preference(person, null);
        }
    }

    private static void preference(String person, String mode) {
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("preferredMode", mode);
        given().auth()
                .oauth2(accessToken(person))
                .contentType(io.restassured.http.ContentType.JSON)
                .body(body)
                .when()
                .put("/api/training/me/preferences")
                .then()
                .statusCode(200);
    }

    @Test
    void actionsWithoutEventIdUserIdOrSkillAreDeadLetteredAndTheNextOneIsHandled() {
        String userId = Catalogue.unique("follow");
        String skill = Catalogue.skill();
        Catalogue.module(List.of(skill), "ELEARNING");
        LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(7);

        String noEventId =
                "{\"userId\":\"" + userId + "\",\"skill\":\"" + skill + "\",\"marker\":\"a-" + userId + "\"}";
        String noSkill = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"userId\":\"" + userId + "\",\"marker\":\"b-"
                + userId + "\"}";
        String notJson = "not a follow-up " + userId;
        String good = UUID.randomUUID().toString();
        upstream.followUp(userId, noEventId);
        upstream.followUp(userId, noSkill);
        upstream.followUp(userId, notJson);
        upstream.followUp(userId, action(good, userId, null, skill, due));

        await().atMost(Duration.ofSeconds(60)).until(() -> processed("follow-up:" + good));
        JsonPath assignments = assignmentsOf(userId);
        assertThat(assignments.getList("items")).hasSize(1);
        assertThat(assignments.getString("items[0].mode")).isEqualTo("ELEARNING");

        List<DeadLetters.DeadLetter> dead = DeadLetters.awaitHolding(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConfigProvider.getConfig().getValue("uptake.topics.follow-up-actions", String.class) + ".dead-letter",
                "a-" + userId,
                "b-" + userId,
                notJson);
        assertThat(dead).extracting(DeadLetters.DeadLetter::key).containsOnly(userId);
        assertThat(DeadLetters.reasonFor(dead, "a-" + userId)).contains("needs eventId");
        assertThat(DeadLetters.reasonFor(dead, "b-" + userId)).contains("needs skill");
        assertThat(DeadLetters.reasonFor(dead, notJson)).contains("not a follow-up action");
    }
}
