package io.uptake.metrics.scorecard;

import static io.restassured.RestAssured.given;
import static io.uptake.metrics.support.Fixtures.event;
import static io.uptake.metrics.support.Fixtures.person;
import static io.uptake.metrics.support.Fixtures.post;
import static io.uptake.metrics.support.Fixtures.rollupTotal;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static io.uptake.testsupport.KeycloakTokens.connectorToken;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scorecards from real events, real objectives and real tokens. */
@QuarkusTest
class ScorecardResourceTest {

    private static final String SALES = "Sales EMEA";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final LocalDate WEEK_START = TODAY.minusDays(6);

    private final Pool pool;
    private String role;

    ScorecardResourceTest(Pool pool) {
        this.pool = pool;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void objectivesForAFreshRole() {
        role = "role-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(accessToken("adam"))
                .contentType(ContentType.JSON)
                .body("""
                        {"expectations":[{"metric":"active-days","period":"week","min":2},{"metric":"action:record.created","period":"week","min":3}]}""")
                .when()
                .put("/api/metrics/objectives/" + SALES + "/" + role)
                .then()
                .statusCode(200);
    }

    @Test
    void someoneWhoDidEverythingIsMeetingSomeoneWhoDidLittleIsBelowSomeoneWhoDidNothingIsInactive() {
        String busy = person("score", SALES, role, false);
        String light = person("score", SALES, role, false);
        String idle = person("score", SALES, role, false);
        post(List.of(
                event(busy, "login", TODAY.minusDays(1)),
                event(busy, "record.created", TODAY.minusDays(1)),
                event(busy, "record.created", TODAY),
                event(busy, "record.created", TODAY),
                event(light, "login", TODAY)));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> rollupTotal(pool, busy) == 4 && rollupTotal(pool, light) == 1);

        String admin = accessToken("adam");
        scorecard(admin, busy)
                .then()
                .statusCode(200)
                .body("status", equalTo("MEETING"))
                .body("score", equalTo(100))
                .body("activeDays", equalTo(2))
                .body("expectations", hasSize(2))
                .body("expectations[1].expected", equalTo(3))
                .body("expectations[1].actual", equalTo(3))
                .body("expectations[1].met", equalTo(true));
        scorecard(admin, light)
                .then()
                .statusCode(200)
                .body("status", equalTo("BELOW"))
                .body("score", equalTo(25))
                .body("expectations[0].actual", equalTo(1))
                .body("expectations[0].met", equalTo(false));
        scorecard(admin, idle)
                .then()
                .statusCode(200)
                .body("status", equalTo("INACTIVE"))
                .body("score", equalTo(0));
    }

    @Test
    void aPastPeriodIsJudgedByTheObjectivesThatHeldThen() {
        String user = person("score", SALES, role, false);
        pool.preparedQuery(
                        "update objective_version set valid_from = now() - interval '60 days' where business_unit = $1 and job_role = $2")
                .execute(Tuple.of(SALES, role))
                .await()
                .atMost(Duration.ofSeconds(10));
        given().auth()
                .oauth2(accessToken("adam"))
                .contentType(ContentType.JSON)
                .body("{\"expectations\":[{\"metric\":\"active-days\",\"period\":\"week\",\"min\":5}]}")
                .when()
                .put("/api/metrics/objectives/" + SALES + "/" + role)
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(accessToken("adam"))
                .queryParam("from", TODAY.minusDays(20).toString())
                .queryParam("to", TODAY.minusDays(14).toString())
                .when()
                .get("/api/metrics/people/" + user + "/scorecard")
                .then()
                .statusCode(200)
                .body("expectations", hasSize(2))
                .body("expectations[0].expected", equalTo(2));
        scorecard(accessToken("adam"), user)
                .then()
                .statusCode(200)
                .body("expectations", hasSize(1))
                .body("expectations[0].expected", equalTo(5));
    }

    @Test
    void objectivesSetTodayWithAnEarlierEffectiveFromJudgeLastWeekWithoutItLastWeekHasNone() {
        String unit = "Backdated " + UUID.randomUUID().toString().substring(0, 8);
        String backdated = person("score", unit, "rep", false);
        String plain = person("score", unit, "analyst", false);
        LocalDate lastWeekStart =
                TODAY.minusDays(TODAY.getDayOfWeek().getValue() - 1).minusWeeks(1);
        post(List.of(
                event(backdated, "login", lastWeekStart.plusDays(1)),
                event(plain, "login", lastWeekStart.plusDays(1))));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> rollupTotal(pool, backdated) == 1 && rollupTotal(pool, plain) == 1);
        String admin = accessToken("adam");
        String expectations = "{\"metric\":\"active-days\",\"period\":\"week\",\"min\":2}";
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"expectations\":[" + expectations + "],\"effectiveFrom\":\"" + TODAY.minusWeeks(4) + "\"}")
                .when()
                .put("/api/metrics/objectives/" + unit + "/rep")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"expectations\":[" + expectations + "]}")
                .when()
                .put("/api/metrics/objectives/" + unit + "/analyst")
                .then()
                .statusCode(200);

        lastWeek(admin, backdated, lastWeekStart)
                .then()
                .statusCode(200)
                .body("status", equalTo("BELOW"))
                .body("score", equalTo(50))
                .body("expectations[0].actual", equalTo(1));
        lastWeek(admin, plain, lastWeekStart)
                .then()
                .statusCode(200)
                .body("status", equalTo("NO_OBJECTIVES"))
                .body("score", org.hamcrest.Matchers.nullValue())
                .body("band", equalTo("WEEKLY"))
                .body("expectations", hasSize(0));
        given().auth()
                .oauth2(admin)
                .queryParam("from", lastWeekStart.toString())
                .queryParam("to", lastWeekStart.plusDays(6).toString())
                .queryParam("businessUnit", unit)
                .when()
                .get("/api/metrics/shortfalls")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].userId", equalTo(backdated))
                .body("items[0].band", equalTo("WEEKLY"));
        given().auth()
                .oauth2(admin)
                .queryParam("from", lastWeekStart.toString())
                .queryParam("to", lastWeekStart.plusDays(6).toString())
                .queryParam("businessUnit", unit)
                .queryParam("groupBy", "jobRole")
                .when()
                .get("/api/metrics/adoption")
                .then()
                .statusCode(200)
                .body("find { it.group == 'analyst' }.meetingObjectives", equalTo(0.0f))
                .body("find { it.group == 'analyst' }.weekly", equalTo(1));
    }

    @Test
    void anEffectiveFromThatIsNotAPastDateIsRefusedNamingTheField() {
        String admin = accessToken("adam");
        for (String date : List.of(
                "yesterday", TODAY.plusDays(1).toString(), TODAY.minusDays(401).toString())) {
            given().auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body("{\"expectations\":[],\"effectiveFrom\":\"" + date + "\"}")
                    .when()
                    .put("/api/metrics/objectives/" + SALES + "/" + role)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("effectiveFrom"));
        }
        given().auth()
                .oauth2(admin)
                .when()
                .get("/api/metrics/objectives/" + SALES + "/" + role + "/history")
                .then()
                .statusCode(200)
                .body("", hasSize(1));
    }

    private static io.restassured.response.Response lastWeek(String token, String user, LocalDate weekStart) {
        return given().auth()
                .oauth2(token)
                .queryParam("from", weekStart.toString())
                .queryParam("to", weekStart.plusDays(6).toString())
                .when()
                .get("/api/metrics/people/" + user + "/scorecard");
    }

    @Test
    void accessFollowsTheRules() {
        String user = person("score", SALES, role, false);
        scorecard(accessToken("mark"), user).then().statusCode(200);
        scorecard(accessToken("erin"), user).then().statusCode(200);
        scorecard(accessToken("alice"), user).then().statusCode(403);
        scorecard(accessToken("alice"), "alice").then().statusCode(org.hamcrest.Matchers.oneOf(200, 404));
        given().auth()
                .oauth2(connectorToken())
                .when()
                .get("/api/metrics/people/" + user + "/scorecard")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(accessToken("adam"))
                .queryParam("from", "last tuesday")
                .when()
                .get("/api/metrics/people/" + user + "/scorecard")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().auth()
                .oauth2(accessToken("adam"))
                .queryParam("from", "2026-11-10")
                .queryParam("to", "2026-11-01")
                .when()
                .get("/api/metrics/people/" + user + "/scorecard")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    private static io.restassured.response.Response scorecard(String token, String user) {
        return given().auth()
                .oauth2(token)
                .queryParam("from", WEEK_START.toString())
                .queryParam("to", TODAY.toString())
                .when()
                .get("/api/metrics/people/" + user + "/scorecard");
    }
}
