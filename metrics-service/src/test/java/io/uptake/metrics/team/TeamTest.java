package io.uptake.metrics.team;

import static io.restassured.RestAssured.given;
import static io.uptake.metrics.support.Fixtures.event;
import static io.uptake.metrics.support.Fixtures.person;
import static io.uptake.metrics.support.Fixtures.post;
import static io.uptake.metrics.support.Fixtures.rollupTotal;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * My team, with real tokens and data: a unit of its own with four people on the active roster (meeting, below,
 * inactive, without objectives) and a leaver; names in the shortfalls and follow-ups beside.
 */
@QuarkusTest
class TeamTest {

    private static final String TEAM = "/api/metrics/team";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final LocalDate FROM = TODAY.minusDays(6);
    private static final LocalDate TO = TODAY; // judged now: the leaver has left

    private final Pool pool;

    TeamTest(Pool pool) {
        this.pool = pool;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** The unit's people by name order: Ann (meeting), Bea (below), Cid (inactive), Dee (no objectives). */
    private record Team(String unit, String ann, String bea, String cid, String dee) {}

    private static void put(String user, String name, String unit, String role, boolean active) {
        given().auth()
                .oauth2(accessToken("adam"))
                .contentType(ContentType.JSON)
                .body("{\"displayName\":\"%s\",\"businessUnit\":\"%s\",\"jobRole\":\"%s\",\"active\":%s}"
                        .formatted(name, unit, role, active))
                .when()
                .put("/api/metrics/people/" + user)
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    private Team team() {
        String unit = "Team-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(accessToken("adam"))
                .contentType(ContentType.JSON)
                .body(
                        "{\"expectations\":[{\"metric\":\"active-days\",\"period\":\"week\",\"min\":2}],\"effectiveFrom\":\"%s\""
                                        .formatted(TODAY.minusDays(30))
                                + "}")
                .when()
                .put("/api/metrics/objectives/" + unit + "/rep")
                .then()
                .statusCode(200);
        Team team = new Team(
                unit,
                person("ann", unit, "rep", false),
                person("bea", unit, "rep", false),
                person("cid", unit, "rep", false),
                person("dee", unit, "analyst", false));
        put(team.ann(), "Ann Active", unit, "rep", true);
        put(team.bea(), "bea Below", unit, "rep", true);
        put(team.cid(), "Cid Idle", unit, "rep", true);
        put(team.dee(), "Dee Free", unit, "analyst", true);
        String gone = person("gone", unit, "rep", false);
        put(gone, "Gone Away", unit, "rep", false);
        post(List.of(
                event(team.ann(), "login", FROM.plusDays(1)),
                event(team.ann(), "login", FROM.plusDays(2)),
                event(team.ann(), "login", FROM.plusDays(3)),
                event(team.bea(), "login", FROM.plusDays(2)),
                event(team.cid(), "login", TODAY.minusDays(20))));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> rollupTotal(pool, team.ann()) == 3
                        && rollupTotal(pool, team.bea()) == 1
                        && rollupTotal(pool, team.cid()) == 1);
        return team;
    }

    private static RequestSpecification as(String user) {
        return given().auth()
                .oauth2(accessToken(user))
                .queryParam("from", FROM.toString())
                .queryParam("to", TO.toString());
    }

    private static JsonPath list(String user, String unit, String... more) {
        RequestSpecification request = as(user).queryParam("businessUnit", unit);
        for (int i = 0; i < more.length; i += 2) {
            request = request.queryParam(more[i], more[i + 1]);
        }
        return request.when().get(TEAM).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void everyoneOnTheActiveRosterWithTheirScorecardNamesAndFollowUps() {
        Team team = team();
        given().auth()
                .oauth2(accessToken("adam"))
                .contentType(ContentType.JSON)
                .body("{\"metOn\":\"%s\",\"rootCause\":\"workload\",\"notes\":\"n\"}".formatted(TO.minusDays(1)))
                .when()
                .post("/api/metrics/people/" + team.bea() + "/follow-ups")
                .then()
                .statusCode(201);

        JsonPath all = list("adam", team.unit());
        assertThat(all.getLong("total")).isEqualTo(4);
        assertThat(all.getList("items.userId")).containsExactly(team.ann(), team.bea(), team.cid(), team.dee());
        assertThat(all.getList("items.displayName")).containsExactly("Ann Active", "bea Below", "Cid Idle", "Dee Free");
        assertThat(all.getList("items.status")).containsExactly("MEETING", "BELOW", "INACTIVE", "NO_OBJECTIVES");
        assertThat(all.getList("items.score")).containsExactly(100, 50, 0, null);
        assertThat(all.getList("items.band")).endsWith("DORMANT", "DORMANT");
        assertThat(all.getList("items.activeDays")).containsExactly(3, 1, 0, 0);
        assertThat(all.getList("items.lastActiveOn"))
                .containsExactly(
                        FROM.plusDays(3).toString(),
                        FROM.plusDays(2).toString(),
                        TODAY.minusDays(20).toString(),
                        null);
        assertThat(all.getList("items.followedUp")).containsExactly(false, true, false, false);
        assertThat(all.getString("items[1].lastFollowUpOn"))
                .isEqualTo(TO.minusDays(1).toString());
        assertThat(all.getList("items.jobRole")).containsExactly("rep", "rep", "rep", "analyst");

        // the same people in the shortfall list and the follow-ups, by name
        JsonPath shortfalls = given().auth()
                .oauth2(accessToken("adam"))
                .queryParam("from", FROM.toString())
                .queryParam("to", TO.toString())
                .queryParam("businessUnit", team.unit())
                .when()
                .get("/api/metrics/shortfalls")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(shortfalls.getList("items.displayName")).containsExactly("Cid Idle", "bea Below");
        String csv = given().auth()
                .oauth2(accessToken("adam"))
                .accept("text/csv")
                .queryParam("from", FROM.toString())
                .queryParam("to", TO.toString())
                .queryParam("businessUnit", team.unit())
                .when()
                .get("/api/metrics/shortfalls")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv).contains(team.cid() + ",Cid Idle,").contains(team.bea() + ",bea Below,");
        put("adam", "Adam Admin", "CRM Team", "crm-admin", false); // on the roster, off the active one
        given().auth()
                .oauth2(accessToken("erin"))
                .when()
                .get("/api/metrics/people/" + team.bea() + "/follow-ups")
                .then()
                .statusCode(200)
                .body("items[0].displayName", equalTo("bea Below"))
                .body("items[0].recordedBy", equalTo("adam"))
                .body("items[0].recordedByName", equalTo("Adam Admin"));
    }

    @Test
    void sortedFilteredSearchedAndPagedWithAnHonestTotal() {
        Team team = team();
        assertThat(list("erin", team.unit(), "sort", "-score").getList("items.userId"))
                .containsExactly(team.ann(), team.bea(), team.cid(), team.dee());
        assertThat(list("erin", team.unit(), "sort", "score").getList("items.userId"))
                .as("people without a score last either way")
                .containsExactly(team.cid(), team.bea(), team.ann(), team.dee());
        assertThat(list("erin", team.unit(), "sort", "lastActiveOn").getList("items.userId"))
                .containsExactly(team.dee(), team.cid(), team.bea(), team.ann());
        assertThat(list("erin", team.unit(), "sort", "-lastActiveOn").getList("items.userId"))
                .containsExactly(team.ann(), team.bea(), team.cid(), team.dee());
        assertThat(list("erin", team.unit(), "sort", "-name").getList("items.userId"))
                .containsExactly(team.dee(), team.cid(), team.bea(), team.ann());
        assertThat(list("erin", team.unit(), "sort", "status").getList("items.status"))
                .containsExactly("MEETING", "BELOW", "INACTIVE", "NO_OBJECTIVES");
        assertThat(list("erin", team.unit(), "status", "BELOW,INACTIVE").getList("items.userId"))
                .containsExactly(team.bea(), team.cid());
        assertThat(list("erin", team.unit(), "q", "BELOW").getList("items.userId"))
                .containsExactly(team.bea());
        assertThat(list("erin", team.unit(), "q", team.dee().substring(0, 8)).getList("items.userId"))
                .containsExactly(team.dee());

        JsonPath second = list("erin", team.unit(), "size", "3", "page", "1");
        assertThat(second.getList("items.userId")).containsExactly(team.dee());
        assertThat(second.getLong("total")).isEqualTo(4);
        JsonPath beyond = list("erin", team.unit(), "size", "3", "page", "7");
        assertThat(beyond.getList("items")).isEmpty();
        assertThat(beyond.getLong("total")).isEqualTo(4);
        JsonPath filtered = list("erin", team.unit(), "status", "MEETING", "size", "1");
        assertThat(filtered.getLong("total")).isEqualTo(1);
    }

    @Test
    void badParametersAre400NamingTheField() {
        for (String[] bad : new String[][] {
            {"sort", "height"}, {"status", "HAPPY"}, {"size", "501"}, {"size", "0"}, {"page", "-1"}, {"from", "soon"}
        }) {
            given().auth()
                    .oauth2(accessToken("adam"))
                    .queryParam("businessUnit", "Sales EMEA")
                    .queryParam(bad[0], bad[1])
                    .when()
                    .get(TEAM)
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("errors.field", hasItem(bad[0]));
        }
        as("adam")
                .when()
                .get(TEAM)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("businessUnit"));
    }

    @Test
    void aManagerReadsTheirOwnUnitOnly() {
        Team team = team();
        String sales = person("sales", "Sales EMEA", "sales-rep", false);
        JsonPath own = as("mark")
                .queryParam("size", "500")
                .when()
                .get(TEAM)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(own.getList("items.businessUnit", String.class)).containsOnly("Sales EMEA");
        as("mark")
                .queryParam("businessUnit", "Sales EMEA")
                .queryParam("q", sales)
                .when()
                .get(TEAM)
                .then()
                .statusCode(200)
                .body("items.userId", org.hamcrest.Matchers.contains(sales));
        as("mark")
                .queryParam("businessUnit", team.unit())
                .when()
                .get(TEAM)
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("own business unit"));
        for (String refused : List.of("alice", "hana")) {
            as(refused)
                    .queryParam("businessUnit", team.unit())
                    .when()
                    .get(TEAM)
                    .then()
                    .statusCode(403);
        }
        given().when().get(TEAM).then().statusCode(401);
    }
}
