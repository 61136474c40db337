package io.uptake.training.session;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static io.uptake.training.support.Catalogue.HR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.uptake.training.support.Catalogue;
import io.uptake.training.support.Roster;
import io.vertx.mutiny.sqlclient.Pool;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HR sees every session's seats and waitlist by name; an assignee's assignment says where they sit or wait. */
@QuarkusTest
class SessionListsTest {

    private final Pool pool;

    SessionListsTest(Pool pool) {
        this.pool = pool;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String assign(String userId, String skill, String module) {
        return given().auth()
                .oauth2(accessToken(HR))
                .contentType(ContentType.JSON)
                .body(Map.of("userId", userId, "skill", skill, "moduleId", module))
                .when()
                .post("/api/training/assignments")
                .then()
                .statusCode(201)
                .extract()
                .path("assignments[0].id");
    }

    private static void enrol(String session, String userId, int status) {
        given().auth()
                .oauth2(accessToken(HR))
                .contentType(ContentType.JSON)
                .body(Map.of("userId", userId))
                .when()
                .post("/api/training/sessions/" + session + "/enrolments")
                .then()
                .statusCode(status);
    }

    private static JsonPath get(String user, String path) {
        return given().auth()
                .oauth2(accessToken(user))
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void seatsAndWaitlistsByNameAndEachAssignmentSaysWhereItStands() {
        String unit = Catalogue.unique("Unit");
        String seated = Catalogue.unique("seated");
        String first = Catalogue.unique("first");
        String second = Catalogue.unique("second");
        Roster.person(pool, seated, "Sita Seated", unit);
        Roster.person(pool, first, "Fay First", unit);
        Roster.person(pool, second, null, unit);
        String skill = Catalogue.skill();
        String module = Catalogue.module(List.of(skill), "INSTRUCTOR_LED");
        String session = Catalogue.session(module, 5, 1);
        String seatedAssignment = assign(seated, skill, module);
        assign(first, skill, module);
        String secondAssignment = assign(second, skill, module);
        enrol(session, seated, 201);
        enrol(session, first, 202);
        enrol(session, second, 202);

        JsonPath sessions = get(HR, "/api/training/sessions?moduleId=" + module);
        assertThat(sessions.getInt("items[0].seatsTaken")).isEqualTo(1);
        assertThat(sessions.getInt("items[0].waiting")).isEqualTo(2);
        assertThat(sessions.getString("items[0].moduleTitle")).startsWith("module-");
        // everyone sees the sessions (to book one), with the same counts
        assertThat(get("alice", "/api/training/sessions?moduleId=" + module).getInt("items[0].waiting"))
                .isEqualTo(2);

        JsonPath waitlist = get(HR, "/api/training/sessions/" + session + "/waitlist");
        assertThat(waitlist.getList("items.userId", String.class)).containsExactly(first, second);
        assertThat(waitlist.getList("items.position", Integer.class)).containsExactly(1, 2);
        assertThat(waitlist.getString("items[0].displayName")).isEqualTo("Fay First");
        assertThat(waitlist.getMap("items[1]")).containsEntry("displayName", null);
        assertThat(waitlist.getLong("total")).isEqualTo(2);
        JsonPath secondPage = get(HR, "/api/training/sessions/" + session + "/waitlist?page=1&size=1");
        assertThat(secondPage.getList("items.userId", String.class)).containsExactly(second);
        assertThat(secondPage.getInt("items[0].position")).isEqualTo(2);
        assertThat(secondPage.getLong("total")).isEqualTo(2);

        JsonPath seats = get("adam", "/api/training/sessions/" + session + "/enrolments");
        assertThat(seats.getList("items.userId", String.class)).containsExactly(seated);
        assertThat(seats.getString("items[0].displayName")).isEqualTo("Sita Seated");
        assertThat(seats.getString("items[0].assignmentId")).isEqualTo(seatedAssignment);
        assertThat(seats.getLong("total")).isEqualTo(1);

        // the assignee's own assignment: their seat, or their place on the waitlist with when and where
        JsonPath waiting = get(HR, "/api/training/assignments?userId=" + second);
        assertThat(waiting.getString("items[0].id")).isEqualTo(secondAssignment);
        assertThat(waiting.getString("items[0].waitlist.sessionId")).isEqualTo(session);
        assertThat(waiting.getInt("items[0].waitlist.position")).isEqualTo(2);
        assertThat(waiting.getString("items[0].waitlist.location")).startsWith("Room ");
        assertThat(waiting.getString("items[0].waitlist.startsAt")).isNotNull();
        assertThat(waiting.getString("items[0].displayName")).isNull();
        JsonPath sitting = get(HR, "/api/training/assignments?userId=" + seated);
        assertThat(sitting.getString("items[0].session.id")).isEqualTo(session);
        assertThat(sitting.getString("items[0].waitlist")).isNull();

        // the seated person leaves: the first waiting takes the seat, the second moves up
        given().auth()
                .oauth2(accessToken(HR))
                .when()
                .delete("/api/training/sessions/" + session + "/enrolments/" + seated)
                .then()
                .statusCode(204);
        assertThat(get(HR, "/api/training/assignments?userId=" + second).getInt("items[0].waitlist.position"))
                .isEqualTo(1);
        assertThat(get(HR, "/api/training/sessions/" + session + "/enrolments").getList("items.userId"))
                .containsExactly(first);
        assertThat(get(HR, "/api/training/sessions?moduleId=" + module).getInt("items[0].waiting"))
                .isEqualTo(1);
    }

    @Test
    void onlyHrAndAdminsReadWhoSitsAndWaits() {
        String unknown = "/api/training/sessions/" + UUID.randomUUID();
        for (String user : List.of("alice", "mark", "erin")) {
            given().auth()
                    .oauth2(accessToken(user))
                    .when()
                    .get(unknown + "/enrolments")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(accessToken(user))
                    .when()
                    .get(unknown + "/waitlist")
                    .then()
                    .statusCode(403);
        }
        given().when().get(unknown + "/enrolments").then().statusCode(401);
        given().auth()
                .oauth2(accessToken(HR))
                .when()
                .get(unknown + "/enrolments")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(accessToken(HR))
                .when()
                .get(unknown + "/waitlist")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(accessToken(HR))
                .queryParam("size", 501)
                .when()
                .get(unknown + "/enrolments")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("size"));
        given().auth()
                .oauth2(accessToken(HR))
                .when()
                .get("/api/training/sessions/not-a-uuid/enrolments")
                .then()
                .statusCode(equalTo(404));
    }
}
