package io.uptake.training.assignment;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static io.uptake.training.support.Catalogue.HR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.uptake.training.messaging.TrainingEventsProbe;
import io.uptake.training.support.Catalogue;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Submit → training for the weak skills only (policy mode, booked seat, reason, due date) → complete → re-test; events on Kafka. */
@QuarkusTest
class RetrainingTest {

    private static final String TAKER = "alice";
    private static final String TAKER_UNIT = "Sales EMEA";
    private static final int DUE_IN_DAYS = 10;

    private final TrainingEventsProbe events;

    RetrainingTest(TrainingEventsProbe events) {
        this.events = events;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** Takes the test: right answers to the questions of {@code strong}, wrong ones to the rest (SINGLE questions, key 0). */
    private static JsonPath takeAndSubmit(String testId, String strong) {
        return Catalogue.takeAndSubmit(TAKER, testId, strong::equals);
    }

    @Test
    void weakSkillsOnlyGetTrainingInThePreferredModeBookedWithReasonAndDueDateThenARetest() {
        String strong = Catalogue.skill();
        String weak = Catalogue.skill();
        Catalogue.single(strong, 3);
        Catalogue.single(weak, 3);
        Catalogue.module(List.of(strong), "INSTRUCTOR_LED");
        Catalogue.module(List.of(weak), "ELEARNING");
        String classroom = Catalogue.module(List.of(weak), "INSTRUCTOR_LED");
        Catalogue.session(classroom, 30, 5);
        String nextSession = Catalogue.session(classroom, 2, 5);
        Catalogue.policy(TAKER_UNIT, 70, "INSTRUCTOR_LED", DUE_IN_DAYS);
        String testId = Catalogue.test(Map.of(strong, 1, weak, 1), 70, 0, List.of());

        JsonPath result = takeAndSubmit(testId, strong);

        assertThat(result.getBoolean("passed")).isFalse();
        assertThat(result.getList("assignments")).hasSize(1);
        assertThat(result.getString("assignments[0].skill")).isEqualTo(weak);
        assertThat(result.getString("assignments[0].moduleId")).isEqualTo(classroom);
        assertThat(result.getString("assignments[0].mode")).isEqualTo("INSTRUCTOR_LED");
        assertThat(result.getString("assignments[0].session.id")).isEqualTo(nextSession);
        assertThat(result.getString("assignments[0].session.location")).startsWith("Room ");
        assertThat(result.getString("assignments[0].dueOn"))
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(DUE_IN_DAYS).toString());
        assertThat(result.getString("assignments[0].status")).isEqualTo("ASSIGNED");
        assertThat(result.getString("assignments[0].reason.kind")).isEqualTo("SCORE");
        assertThat(result.getString("assignments[0].reason.skill")).isEqualTo(weak);
        assertThat(result.getInt("assignments[0].reason.score")).isEqualTo(0);
        assertThat(result.getInt("assignments[0].reason.threshold")).isEqualTo(70);
        String assignment = result.getString("assignments[0].id");

        given().auth()
                .oauth2(accessToken(HR))
                .queryParam("moduleId", classroom)
                .when()
                .get("/api/training/sessions")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + nextSession + "' }.seatsTaken", equalTo(1));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> events.about(assignment, "training.assigned").size() == 1);
        assertThat(events.about(assignment, "training.assigned").getFirst().key())
                .isEqualTo(TAKER);

        // nobody else completes it
        given().auth()
                .oauth2(accessToken("bob"))
                .when()
                .post("/api/training/assignments/" + assignment + "/complete")
                .then()
                .statusCode(404);
        // a classroom: the taker cannot mark it done; HR does, once the attendance is confirmed
        given().auth()
                .oauth2(accessToken(TAKER))
                .when()
                .post("/api/training/assignments/" + assignment + "/complete")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(accessToken(HR))
                .when()
                .post("/api/training/assignments/" + assignment + "/complete")
                .then()
                .statusCode(200)
                .body("status", equalTo("COMPLETED"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> events.about(assignment, "training.completed").size() == 1);

        JsonPath mine = given().auth()
                .oauth2(accessToken(TAKER))
                .queryParam("status", "ASSIGNED")
                .queryParam("size", 500)
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> retests = mine.<Map<String, Object>>getList("items").stream()
                .filter(item -> "TEST".equals(item.get("kind")) && weak.equals(item.get("skill")))
                .toList();
        assertThat(retests).hasSize(1);
        assertThat(retests.getFirst().get("testId")).isEqualTo(testId);
        assertThat(((Map<?, ?>) retests.getFirst().get("reason")).get("kind")).isEqualTo("RETEST");
        String retest = (String) retests.getFirst().get("id");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> events.about(retest, "training.assigned").size() == 1);

        // completing again changes nothing; the re-test is not completed by hand
        given().auth()
                .oauth2(accessToken(TAKER))
                .when()
                .post("/api/training/assignments/" + assignment + "/complete")
                .then()
                .statusCode(200)
                .body("status", equalTo("COMPLETED"));
        given().auth()
                .oauth2(accessToken(TAKER))
                .when()
                .post("/api/training/assignments/" + retest + "/complete")
                .then()
                .statusCode(409);

        // the re-test of the weak skill alone: submitting it completes the TEST assignment
        JsonPath again = given().auth()
                .oauth2(accessToken(TAKER))
                .queryParam("skill", weak)
                .when()
                .post("/api/training/tests/" + testId + "/attempts")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(again.<Map<String, Object>>getList("questions"))
                .allMatch(question -> weak.equals(question.get("skill")));
        given().auth()
                .oauth2(accessToken(TAKER))
                .when()
                .post("/api/training/attempts/" + again.getString("id") + "/submit")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(accessToken(TAKER))
                .queryParam("status", "COMPLETED")
                .queryParam("size", 500)
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + retest + "' }.status", equalTo("COMPLETED"));
    }

    /** Issue 27, medium 2: a part never stands for the whole, and finishing one re-test finishes only that one. */
    @Test
    void oneSkillAloneNeedsAnOpenRetestOfItAndCompletesOnlyThatAssignment() {
        String first = Catalogue.skill();
        String second = Catalogue.skill();
        Catalogue.single(first, 3);
        Catalogue.single(second, 3);
        String testId = Catalogue.test(Map.of(first, 1, second, 1), 70, 0, List.of());

        startOneSkill(testId, first).then().statusCode(403).contentType("application/problem+json");

        String whole = assignTest(testId, null);
        String retest = assignTest(testId, first);
        startOneSkill(testId, second).then().statusCode(403);
        String attempt =
                startOneSkill(testId, first).then().statusCode(201).extract().path("id");
        given().auth()
                .oauth2(accessToken(TAKER))
                .when()
                .post("/api/training/attempts/" + attempt + "/submit")
                .then()
                .statusCode(200);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> events.about(retest, "training.completed").size() == 1);
        assertThat(statusOf(retest)).isEqualTo("COMPLETED");
        assertThat(statusOf(whole)).isEqualTo("ASSIGNED");
        assertThat(events.about(whole, "training.completed")).isEmpty();

        Catalogue.takeAndSubmit(TAKER, testId, skill -> true);
        assertThat(statusOf(whole)).isEqualTo("COMPLETED");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> events.about(whole, "training.completed").size() == 1);
        assertThat(events.about(retest, "training.completed")).hasSize(1);
    }

    private static io.restassured.response.Response startOneSkill(String testId, String skill) {
        return given().auth()
                .oauth2(accessToken(TAKER))
                .queryParam("skill", skill)
                .when()
                .post("/api/training/tests/" + testId + "/attempts");
    }

    /** HR assigns the taker the test: the whole of it, or ({@code skill} set) a re-test of that skill; the id. */
    private static String assignTest(String testId, String skill) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("userId", TAKER, "testId", testId));
        if (skill != null) {
            body.put("skill", skill);
        }
        return given().auth()
                .oauth2(accessToken(HR))
                .contentType("application/json")
                .body(body)
                .when()
                .post("/api/training/assignments")
                .then()
                .statusCode(201)
                .extract()
                .path("assignments[0].id");
    }

    private static String statusOf(String assignment) {
        return given().auth()
                .oauth2(accessToken(HR))
                .queryParam("userId", TAKER)
                .queryParam("size", 500)
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.id == '" + assignment + "' }.status");
    }

    @Test
    void aPassedTestAssignsNothing() {
        String skill = Catalogue.skill();
        Catalogue.single(skill, 3);
        Catalogue.module(List.of(skill), "ELEARNING");
        Catalogue.policy(TAKER_UNIT, 70, "INSTRUCTOR_LED", DUE_IN_DAYS);
        String testId = Catalogue.test(Map.of(skill, 1), 70, 0, List.of());
        JsonPath result = takeAndSubmit(testId, skill);
        assertThat(result.getBoolean("passed")).isTrue();
        assertThat(result.getList("assignments")).isEmpty();
    }

    @Test
    void whoReadsWhichAssignments() {
        String alice = accessToken(TAKER);
        given().auth()
                .oauth2(alice)
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(alice)
                .queryParam("userId", "bob")
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(alice)
                .queryParam("businessUnit", TAKER_UNIT)
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(403);
        String mark = accessToken("mark");
        given().auth()
                .oauth2(mark)
                .queryParam("businessUnit", TAKER_UNIT)
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(mark)
                .queryParam("businessUnit", "Support")
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(403);
        // a manager asking for someone outside their unit (or not on the roster at all) is refused
        given().auth()
                .oauth2(mark)
                .queryParam("userId", "carol")
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(accessToken(HR))
                .queryParam("userId", TAKER)
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(alice)
                .queryParam("status", "LOST")
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
