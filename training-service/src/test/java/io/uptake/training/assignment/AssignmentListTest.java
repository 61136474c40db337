package io.uptake.training.assignment;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static io.uptake.training.support.Catalogue.HR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.uptake.training.support.Catalogue;
import io.uptake.training.support.Roster;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HR's assignments list: several statuses at once or every open one (IN_PROGRESS included), a name search,
 * sorting, honest totals, people's and the assigner's names, and what titles a test assignment.
 */
@QuarkusTest
class AssignmentListTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final Pool pool;

    AssignmentListTest(Pool pool) {
        this.pool = pool;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String assign(Map<String, Object> body) {
        return given().auth()
                .oauth2(accessToken(HR))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/training/assignments")
                .then()
                .statusCode(201)
                .body("assigned", equalTo(1))
                .extract()
                .path("assignments[0].id");
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(accessToken(user)).queryParam("size", 500);
    }

    private static JsonPath list(RequestSpecification request) {
        return request.when()
                .get("/api/training/assignments")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void hrListsOpenWorkByNameWithHonestTotals() {
        String unit = Catalogue.unique("Unit");
        String zed = Catalogue.unique("zed");
        String ann = Catalogue.unique("ann");
        String nameless = Catalogue.unique("nameless");
        String assigner = Catalogue.unique("assigner");
        Roster.person(pool, zed, "Zed Ortega", unit);
        Roster.person(pool, ann, "Ann Brook", unit);
        Roster.person(pool, nameless, null, unit);
        Roster.person(pool, assigner, "Sam Assigner", "HR");
        String skill = Catalogue.skill();
        Catalogue.single(skill, 2);
        String module = Catalogue.module(List.of(skill), "ELEARNING");
        String testId = Catalogue.test(Map.of(skill, 1), 70, 0, List.of());
        String testName = given().auth()
                .oauth2(accessToken(HR))
                .queryParam("size", 500)
                .when()
                .get("/api/training/tests")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.id == '" + testId + "' }.name");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String zedTraining = assign(Map.of(
                "userId",
                zed,
                "skill",
                skill,
                "moduleId",
                module,
                "dueOn",
                today.plusDays(5).toString()));
        String zedTest = assign(Map.of(
                "userId", zed, "testId", testId, "dueOn", today.plusDays(9).toString()));
        String annTraining = assign(Map.of(
                "userId",
                ann,
                "skill",
                skill,
                "moduleId",
                module,
                "dueOn",
                today.plusDays(7).toString()));
        String namelessTraining = assign(Map.of(
                "userId",
                nameless,
                "skill",
                skill,
                "moduleId",
                module,
                "dueOn",
                today.plusDays(3).toString()));
        // Zed started his test; Ann's training was cancelled; a re-test of the skill was assigned by someone on the
        // roster
        Roster.sql(pool, "update assignment set status = 'IN_PROGRESS' where id = $1", UUID.fromString(zedTest));
        given().auth()
                .oauth2(accessToken(HR))
                .contentType(ContentType.JSON)
                .body(Map.of("status", "CANCELLED"))
                .when()
                .patch("/api/training/assignments/" + annTraining)
                .then()
                .statusCode(200);
        UUID retest = UUID.randomUUID();
        Roster.sql(pool, """
                insert into assignment (id, user_id, business_unit, kind, skill, test_id, status, due_on, reason, created_by)
                values ($1, $2, $3, 'TEST', $4, $5, 'ASSIGNED', $6, '{"kind":"RETEST"}'::jsonb, $7)""", retest, ann, unit, skill, UUID.fromString(testId), today.plusDays(20), assigner);

        // every open one, IN_PROGRESS included, by due date, with names
        JsonPath open = list(as(HR).queryParam("businessUnit", unit).queryParam("open", true));
        assertThat(open.getList("items.id", String.class))
                .containsExactly(namelessTraining, zedTraining, zedTest, retest.toString());
        assertThat(open.getInt("total")).isEqualTo(4);
        assertThat(open.getString("items[1].displayName")).isEqualTo("Zed Ortega");
        assertThat(open.getMap("items[0]")).containsKey("displayName");
        assertThat(open.getString("items[0].displayName")).isNull();
        assertThat(open.getString("items[1].skillName")).isEqualTo("Skill " + skill);
        // a test assignment is titled by its test; a re-test by its skill too; the assigner by name
        assertThat(open.getString("items[2].kind")).isEqualTo("TEST");
        assertThat(open.getString("items[2].testName")).isEqualTo(testName);
        assertThat(open.getString("items[2].status")).isEqualTo("IN_PROGRESS");
        assertThat(open.getString("items[2].assignedBy")).isEqualTo(HR);
        assertThat(open.getString("items[3].testName")).isEqualTo(testName);
        assertThat(open.getString("items[3].skill")).isEqualTo(skill);
        assertThat(open.getString("items[3].assignedByName")).isEqualTo("Sam Assigner");

        // statuses comma-separated or repeated: the same answer
        JsonPath comma =
                list(as(HR).queryParam("businessUnit", unit).queryParam("status", "ASSIGNED,IN_PROGRESS,OVERDUE"));
        JsonPath repeated = list(
                as(HR).queryParam("businessUnit", unit).queryParam("status", "ASSIGNED", "IN_PROGRESS", "OVERDUE"));
        assertThat(comma.getList("items.id")).isEqualTo(open.getList("items.id"));
        assertThat(repeated.getList("items.id")).isEqualTo(open.getList("items.id"));
        assertThat(list(as(HR).queryParam("businessUnit", unit).queryParam("status", "CANCELLED,IN_PROGRESS"))
                        .getList("items.id", String.class))
                .containsExactlyInAnyOrder(annTraining, zedTest);
        // everything, newest due first, a page of one with the honest total
        JsonPath first = list(given().auth()
                .oauth2(accessToken(HR))
                .queryParam("businessUnit", unit)
                .queryParam("sort", "-dueOn")
                .queryParam("size", 1)
                .queryParam("page", 1));
        assertThat(first.getList("items.id", String.class)).containsExactly(zedTest);
        assertThat(first.getInt("total")).isEqualTo(5);
        // by name or user id, case-insensitive; LIKE's wildcards are taken literally
        assertThat(list(as(HR).queryParam("businessUnit", unit).queryParam("q", "orteg"))
                        .getList("items.id", String.class))
                .containsExactly(zedTraining, zedTest);
        assertThat(list(as(HR).queryParam("q", nameless)).getList("items.id", String.class))
                .containsExactly(namelessTraining);
        assertThat(list(as(HR).queryParam("businessUnit", unit).queryParam("q", "%"))
                        .getInt("total"))
                .isZero();
        assertThat(list(as(HR).queryParam("businessUnit", unit)
                                .queryParam("open", true)
                                .queryParam("q", "brook"))
                        .getList("items.id", String.class))
                .containsExactly(retest.toString());
    }

    @Test
    void badParametersAreNamedAndTheNarrowerRulesHold() {
        as(HR).queryParam("status", "ASSIGNED,DONE")
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("status"));
        as(HR).queryParam("open", "maybe")
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("open"));
        as(HR).queryParam("open", true)
                .queryParam("status", "COMPLETED")
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("open"));
        as(HR).queryParam("sort", "name")
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("sort"));
        as(HR).queryParam("q", "x".repeat(201))
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("q"));
        // the filters never widen what a person reads
        as("alice")
                .queryParam("businessUnit", "Support")
                .queryParam("open", true)
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(403);
        as("mark")
                .queryParam("businessUnit", "Support")
                .queryParam("q", "carol")
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(403);
        as("alice")
                .queryParam("open", true)
                .queryParam("q", "a")
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(200)
                .body("items.userId", everyItem(equalTo("alice")));
        given().when().get("/api/training/assignments?open=true").then().statusCode(401);
    }
}
