package io.uptake.training.assignment;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static io.uptake.training.support.Catalogue.HR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.uptake.training.messaging.TrainingEventsProbe;
import io.uptake.training.messaging.UpstreamProbe;
import io.uptake.training.support.Catalogue;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The retraining planner gives the same answer on both paths that assign training: a weak skill found by a
 * submitted test, and HR's bulk assignment. The same person (carol, of Support) gets one skill each way,
 * under the same policy and with the same modules (in the same modes, made in the same order).
 */
@QuarkusTest
class RetrainingPathsTest {

    private static final String PERSON = "carol";
    private static final String UNIT = "Support";

    private final UpstreamProbe upstream;
    private final TrainingEventsProbe events;

    RetrainingPathsTest(UpstreamProbe upstream, TrainingEventsProbe events) {
        this.upstream = upstream;
        this.events = events;
    }

    @ParameterizedTest(name = "policy {0}, {1} days; modules {2}")
    @CsvSource({
        "ELEARNING, 14, ELEARNING",
        "INSTRUCTOR_LED, 7, ELEARNING INSTRUCTOR_LED",
        "INSTRUCTOR_LED, 30, ELEARNING ELEARNING",
        "INSTRUCTOR_LED, 21, ''",
    })
    // After a test the wanted mode follows the gap (a score of 0 under a pass mark of 70: instructor-led, see
    // RetrainingMode), HR's bulk path follows the unit's preferred mode: where no module decides, they agree.
    void submitAndBulkPlanTheSameModuleModeAndDueDate(String preferredMode, int dueInDays, String moduleModes) {
        onTheRoster();
        Catalogue.policy(UNIT, 70, preferredMode, dueInDays);
        List<String> modes = moduleModes.isBlank() ? List.of() : List.of(moduleModes.split(" "));

        String bySubmit = Catalogue.skill();
        List<String> submitModules = modules(bySubmit, modes);
        Catalogue.single(bySubmit, 3);
        String testId = Catalogue.test(Map.of(bySubmit, 1), 70, 0, List.of());
        Catalogue.takeAndSubmit(PERSON, testId, skill -> false); // every answer wrong: a score of 0, under 70

        String byBulk = Catalogue.skill();
        List<String> bulkModules = modules(byBulk, modes);
        given().auth()
                .oauth2(accessToken(HR))
                .contentType(ContentType.JSON)
                .body(Map.of("userId", PERSON, "skill", byBulk))
                .when()
                .post("/api/training/assignments")
                .then()
                .statusCode(201);

        Map<String, Object> submitted = assignmentOf(bySubmit);
        Map<String, Object> bulk = assignmentOf(byBulk);
        assertThat(bulk.get("mode")).isEqualTo(submitted.get("mode"));
        assertThat(bulk.get("dueOn")).isEqualTo(submitted.get("dueOn"));
        assertThat(bulkModules.indexOf((String) bulk.get("moduleId")))
                .as("the same module of the same list")
                .isEqualTo(submitModules.indexOf((String) submitted.get("moduleId")));
        assertThat(submitted.get("dueOn"))
                .isEqualTo(OffsetDateTime.now(ZoneOffset.UTC)
                        .toLocalDate()
                        .plusDays(dueInDays)
                        .toString());

        // both paths publish training.assigned (serialised in Java on one, built in SQL on the other): both hold to
        // the contract of uptake.training-events (the probe checks it) and carry the same plan
        JsonNode submittedEvent = assignedEvent((String) submitted.get("id"));
        JsonNode bulkEvent = assignedEvent((String) bulk.get("id"));
        for (String planned : List.of("mode", "dueOn", "status", "kind", "businessUnit", "userId")) {
            assertThat(bulkEvent.path(planned)).as(planned).isEqualTo(submittedEvent.path(planned));
        }
        assertThat(bulkEvent.path("moduleId").isMissingNode())
                .isEqualTo(submittedEvent.path("moduleId").isMissingNode());
    }

    private JsonNode assignedEvent(String assignmentId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> events.about(assignmentId, "training.assigned").size() == 1);
        return events.about(assignmentId, "training.assigned")
                .getFirst()
                .value()
                .path("assignment");
    }

    /**
     * Puts carol on the roster in Support and waits until the roster row itself says so: the competency list would
     * show her in Support from an earlier test's scores before the row arrives, and the bulk path reads the row.
     */
    private void onTheRoster() {
        String name = "Carol Chen " + UUID.randomUUID().toString().substring(0, 8);
        upstream.person(PERSON, """
                {"userId":"carol","displayName":"%s","email":"carol@example.com","businessUnit":"Support","jobRole":"support-agent",
                 "managerId":null,"executive":false,"active":true,"updatedAt":"%s"}""".formatted(name, OffsetDateTime.now(ZoneOffset.UTC)));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().auth()
                        .oauth2(accessToken(HR))
                        .queryParam("businessUnit", UNIT)
                        .queryParam("q", name)
                        .when()
                        .get("/api/training/competency")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("people.userId")
                        .contains(PERSON));
    }

    private static List<String> modules(String skill, List<String> modes) {
        List<String> ids = new ArrayList<>();
        for (String mode : modes) {
            ids.add(Catalogue.module(List.of(skill), mode));
        }
        return ids;
    }

    private static Map<String, Object> assignmentOf(String skill) {
        List<Map<String, Object>> found = given().auth()
                .oauth2(accessToken(HR))
                .queryParam("userId", PERSON)
                .queryParam("size", 500)
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        List<Map<String, Object>> ofSkill = found.stream()
                .filter(item -> skill.equals(item.get("skill")) && "TRAINING".equals(item.get("kind")))
                .toList();
        assertThat(ofSkill).as("one training assignment for %s", skill).hasSize(1);
        return ofSkill.getFirst();
    }
}
