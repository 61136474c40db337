package io.uptake.training.assignment;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static io.uptake.training.support.Catalogue.HR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.uptake.training.support.Catalogue;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HR assigns by hand and in bulk, changes due dates and modes, cancels; overdue work is marked OVERDUE. */
@QuarkusTest
class HrAssignmentTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final int BULK_PEOPLE = 10_000;

    private final Pool pool;

    HrAssignmentTest(Pool pool) {
        this.pool = pool;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static ValidatableResponse assign(Map<String, Object> body) {
        return given().auth()
                .oauth2(accessToken(HR))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/training/assignments")
                .then();
    }

    private static ValidatableResponse change(String id, Map<String, Object> body) {
        return given().auth()
                .oauth2(accessToken(HR))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .patch("/api/training/assignments/" + id)
                .then();
    }

    private static ValidatableResponse mine(String user, String status) {
        return given().auth()
                .oauth2(accessToken(user))
                .queryParam("status", status)
                .queryParam("size", 500)
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(200);
    }

    @Test
    void oneByHandThenOverdueThenDueAgainThenCancelled() {
        String skill = Catalogue.skill();
        String elearning = Catalogue.module(List.of(skill), "ELEARNING");
        String classroom = Catalogue.module(List.of(skill), "INSTRUCTOR_LED");
        LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(5);
        String id = assign(Map.of("userId", "carol", "skill", skill, "moduleId", elearning, "dueOn", due.toString()))
                .statusCode(201)
                .body("assigned", equalTo(1))
                .body("assignments[0].userId", equalTo("carol"))
                .body("assignments[0].mode", equalTo("ELEARNING"))
                .body("assignments[0].dueOn", equalTo(due.toString()))
                .body("assignments[0].assignedBy", equalTo(HR))
                .extract()
                .path("assignments[0].id");

        // the due date passes: OVERDUE
        change(id, Map.of("dueOn", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()))
                .statusCode(200);
        mine("carol", "OVERDUE").body("items.id", hasItem(id));
        // due again later: back to ASSIGNED, and instructor-led now
        change(id, Map.of("dueOn", due.plusDays(7).toString(), "mode", "INSTRUCTOR_LED"))
                .statusCode(200)
                .body("status", equalTo("ASSIGNED"))
                .body("mode", equalTo("INSTRUCTOR_LED"))
                .body("moduleId", equalTo(classroom));
        // the assignee books a seat herself with an empty body
        String session = Catalogue.session(classroom, 4, 3);
        given().auth()
                .oauth2(accessToken("carol"))
                .when()
                .post("/api/training/sessions/" + session + "/enrolments")
                .then()
                .statusCode(201)
                .body("assignmentId", equalTo(id));
        mine("carol", "ASSIGNED").body("items.find { it.id == '" + id + "' }.session.id", equalTo(session));
        // instructor-led: attendance is confirmed by HR, so the assignee cannot mark it done
        given().auth()
                .oauth2(accessToken("carol"))
                .when()
                .post("/api/training/assignments/" + id + "/complete")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("detail", org.hamcrest.Matchers.containsString("marked done by HR"));
        mine("carol", "ASSIGNED").body("items.find { it.id == '" + id + "' }.status", equalTo("ASSIGNED"));
        // cancelled: the seat is given back, and it can no longer be completed
        change(id, Map.of("status", "CANCELLED")).statusCode(200).body("status", equalTo("CANCELLED"));
        given().auth()
                .oauth2(accessToken(HR))
                .queryParam("moduleId", classroom)
                .when()
                .get("/api/training/sessions")
                .then()
                .statusCode(200)
                .body("items[0].seatsTaken", equalTo(0));
        given().auth()
                .oauth2(accessToken("carol"))
                .when()
                .post("/api/training/assignments/" + id + "/complete")
                .then()
                .statusCode(409);
        change(id, Map.of("dueOn", due.toString())).statusCode(409).contentType(PROBLEM_JSON);
    }

    @Test
    void badRequestsNameTheFieldAndOnlyHrAssigns() {
        String skill = Catalogue.skill();
        assign(Map.of("skill", skill))
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("userId"));
        assign(Map.of("userId", "carol")).statusCode(400).body("errors.field", hasItem("skill"));
        assign(Map.of("userId", "carol", "skill", "no-such-skill-x"))
                .statusCode(400)
                .body("errors.field", hasItem("skill"));
        assign(Map.of("userId", "carol", "skill", skill, "dueOn", "2020-01-01"))
                .statusCode(400)
                .body("errors.field", hasItem("dueOn"));
        assign(Map.of("userId", "carol", "skill", skill, "dueOn", "tomorrow"))
                .statusCode(400)
                .body("errors.field", hasItem("dueOn"));
        assign(Map.of("userId", "carol", "skill", skill, "mode", "PODCAST"))
                .statusCode(400)
                .body("errors.field", hasItem("mode"));
        assign(Map.of("userId", "carol", "testId", java.util.UUID.randomUUID().toString()))
                .statusCode(400)
                .body("errors.field", hasItem("testId"));
        assign(Map.of("scoreBelow", Map.of("skill", skill, "score", 500), "skill", skill))
                .statusCode(400)
                .body("errors.field", hasItem("scoreBelow.score"));
        change(java.util.UUID.randomUUID().toString(), Map.of("status", "DONE"))
                .statusCode(400)
                .body("errors.field", hasItem("status"));
        change(java.util.UUID.randomUUID().toString(), Map.of("status", "CANCELLED"))
                .statusCode(404);
        given().auth()
                .oauth2(accessToken("alice"))
                .contentType(ContentType.JSON)
                .body(Map.of("userId", "alice", "skill", skill))
                .when()
                .post("/api/training/assignments")
                .then()
                .statusCode(403);
    }

    @Test
    void everyoneUnderAScoreOnASkillGetsTheTest() {
        String skill = Catalogue.skill();
        Catalogue.single(skill, 2);
        String testId = Catalogue.test(Map.of(skill, 1), 70, 0, List.of());
        String attempt = given().auth()
                .oauth2(accessToken("carol"))
                .when()
                .post("/api/training/tests/" + testId + "/attempts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(accessToken("carol"))
                .when()
                .post("/api/training/attempts/" + attempt + "/submit")
                .then()
                .statusCode(200);

        assign(Map.of("scoreBelow", Map.of("skill", skill, "score", 50), "testId", testId))
                .statusCode(201)
                .body("assigned", equalTo(1))
                .body("assignments[0].userId", equalTo("carol"))
                .body("assignments[0].kind", equalTo("TEST"))
                .body("assignments[0].reason.threshold", equalTo(50));
        // a test open for a person is not assigned twice
        assign(Map.of("scoreBelow", Map.of("skill", skill, "score", 50), "testId", testId))
                .statusCode(201)
                .body("assigned", equalTo(0))
                .body("alreadyAssigned", equalTo(1));
    }

    @Test
    void aBulkAssignmentToTenThousandPeopleTakesUnderTenSeconds() {
        String unit = Catalogue.unique("Bulk");
        String run = Catalogue.unique("b");
        String[] users =
                IntStream.range(0, BULK_PEOPLE).mapToObj(i -> run + "-" + i).toArray(String[]::new);
        // the roster projection as uptake.people fills it (the Kafka path itself: RosterProjectionTest)
        pool.preparedQuery(
                        "insert into person (user_id, business_unit, job_role) select u, $2, 'sales-rep' from unnest($1::varchar[]) u")
                .execute(Tuple.of(users, unit))
                .await()
                .atMost(Duration.ofSeconds(30));
        String skill = Catalogue.skill();
        Catalogue.module(List.of(skill), "ELEARNING");

        long started = System.nanoTime();
        assign(Map.of("businessUnit", unit, "skill", skill))
                .statusCode(201)
                .body("assigned", equalTo(BULK_PEOPLE))
                .body("assignments.size()", equalTo(100));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(millis)
                .as("bulk assignment of %d people took %d ms", BULK_PEOPLE, millis)
                .isLessThan(10_000);
        given().auth()
                .oauth2(accessToken(HR))
                .queryParam("businessUnit", unit)
                .queryParam("size", 1)
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(200)
                .body("total", equalTo(BULK_PEOPLE));
    }
}
