package io.uptake.metrics.report;

import static io.restassured.RestAssured.given;
import static io.uptake.metrics.support.Fixtures.event;
import static io.uptake.metrics.support.Fixtures.person;
import static io.uptake.metrics.support.Fixtures.post;
import static io.uptake.metrics.support.Fixtures.rollupTotal;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static io.uptake.testsupport.KeycloakTokens.connectorToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The four reports over a small team built through the API: roster, objectives, events. */
@QuarkusTest
class ReportResourceTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String FROM = TODAY.minusDays(6).toString();
    private static final String TO = TODAY.toString();

    private final Pool pool;

    ReportResourceTest(Pool pool) {
        this.pool = pool;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** A unit of three: one meeting the objectives, one below, one who never used the CRM. */
    private record Team(String unit, String meeting, String below, String idle) {}

    private Team team() {
        String unit = "Unit " + UUID.randomUUID().toString().substring(0, 8);
        String admin = accessToken("adam");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(
                        "{\"expectations\":[{\"metric\":\"active-days\",\"period\":\"week\",\"min\":1},{\"metric\":\"action:record.created\",\"period\":\"week\",\"min\":2}]}")
                .when()
                .put("/api/metrics/objectives/" + unit + "/rep")
                .then()
                .statusCode(200);
        Team team = new Team(
                unit,
                person("report", unit, "rep", false),
                person("report", unit, "rep", false),
                person("report", unit, "rep", false));
        post(List.of(
                event(team.meeting(), "record.created", TODAY.minusDays(1)),
                event(team.meeting(), "record.created", TODAY),
                event(team.below(), "login", TODAY)));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> rollupTotal(pool, team.meeting()) == 2 && rollupTotal(pool, team.below()) == 1);
        return team;
    }

    @Test
    void adoptionCountsPeopleActivityAndObjectivesMet() {
        Team team = team();
        given().auth()
                .oauth2(accessToken("erin"))
                .queryParam("from", FROM)
                .queryParam("to", TO)
                .queryParam("businessUnit", team.unit())
                .when()
                .get("/api/metrics/adoption")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].group", equalTo(team.unit()))
                .body("[0].people", equalTo(3))
                .body("[0].activePeople", equalTo(2))
                .body("[0].dau", equalTo(0.429f))
                .body("[0].wau", equalTo(2))
                .body("[0].mau", equalTo(2))
                .body("[0].stickiness", equalTo(0.214f))
                .body("[0].meetingObjectives", equalTo(0.333f))
                .body("[0].dormant", equalTo(1));

        String csv = given().auth()
                .oauth2(accessToken("adam"))
                .accept("text/csv")
                .queryParam("from", FROM)
                .queryParam("to", TO)
                .queryParam("businessUnit", team.unit())
                .queryParam("groupBy", "jobRole")
                .when()
                .get("/api/metrics/adoption")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract()
                .asString();
        String[] lines = csv.split("\r\n");
        org.assertj.core.api.Assertions.assertThat(lines).hasSize(2);
        org.assertj.core.api.Assertions.assertThat(lines[0])
                .isEqualTo(
                        "group,people,activePeople,dau,wau,mau,stickiness,meetingObjectives,daily,weekly,occasional,dormant");
        org.assertj.core.api.Assertions.assertThat(lines[1])
                .startsWith("rep,3,2,0.429,2,2,0.214,0.333,")
                .endsWith(",1");
    }

    @Test
    void theTrendGivesEachDayItsActivityAndRefusesAnUnknownInterval() {
        Team team = team();
        String admin = accessToken("adam");
        io.restassured.path.json.JsonPath days = given().auth()
                .oauth2(admin)
                .queryParam("from", FROM)
                .queryParam("to", TO)
                .queryParam("businessUnit", team.unit())
                .queryParam("interval", "day")
                .when()
                .get("/api/metrics/adoption/trend")
                .then()
                .statusCode(200)
                .body("", hasSize(7))
                .extract()
                .jsonPath();
        assertThat(days.getString("[6].periodStart")).isEqualTo(TO);
        assertThat(days.getInt("[6].people")).isEqualTo(3);
        assertThat(days.getInt("[6].activePeople")).isEqualTo(2);
        assertThat(days.getDouble("[6].dau")).isEqualTo(2.0);
        assertThat(days.getInt("[6].dormant")).isEqualTo(1);
        assertThat(days.getInt("[5].activePeople")).isEqualTo(1);
        assertThat(days.getInt("[4].activePeople")).isZero();
        assertThat(days.getInt("[4].mau")).isZero();

        String csv = given().auth()
                .oauth2(admin)
                .accept("text/csv")
                .queryParam("from", FROM)
                .queryParam("to", TO)
                .queryParam("businessUnit", team.unit())
                .queryParam("interval", "month")
                .when()
                .get("/api/metrics/adoption/trend")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract()
                .asString();
        assertThat(csv.split("\r\n")[0])
                .isEqualTo(
                        "periodStart,periodEnd,group,people,activePeople,dau,wau,mau,stickiness,meetingObjectives,daily,weekly,occasional,dormant");

        given().auth()
                .oauth2(admin)
                .queryParam("interval", "fortnight")
                .when()
                .get("/api/metrics/adoption/trend")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("interval"));
        given().auth()
                .oauth2(admin)
                .queryParam("interval", "day")
                .queryParam("from", TODAY.minusDays(200).toString())
                .when()
                .get("/api/metrics/adoption/trend")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("interval"));
        given().auth()
                .oauth2(accessToken("mark"))
                .queryParam("businessUnit", "Support")
                .when()
                .get("/api/metrics/adoption/trend")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(accessToken("alice"))
                .when()
                .get("/api/metrics/adoption/trend")
                .then()
                .statusCode(403);
    }

    @Test
    void prometheusCarriesAdoptionGaugesPerBusinessUnit() {
        Team team = team();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> io.uptake.testsupport.Management.given()
                        .when()
                        .get("/q/metrics")
                        .then()
                        .statusCode(200)
                        .body(org.hamcrest.Matchers.containsString(
                                "uptake_adoption_people{business_unit=\"%s\"} 3.0".formatted(team.unit())))
                        .body(org.hamcrest.Matchers.containsString(
                                "uptake_adoption_active_people{business_unit=\"%s\"} 2.0".formatted(team.unit())))
                        .body(org.hamcrest.Matchers.containsString(
                                "uptake_adoption_meeting_objectives{business_unit=\"%s\"} 0.333"
                                        .formatted(team.unit()))));
    }

    @Test
    void shortfallsPutTheLargestGapFirstAndIncludeNonUsers() {
        Team team = team();
        given().auth()
                .oauth2(accessToken("adam"))
                .queryParam("from", FROM)
                .queryParam("to", TO)
                .queryParam("businessUnit", team.unit())
                .when()
                .get("/api/metrics/shortfalls")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].userId", equalTo(team.idle()))
                .body("items[0].status", equalTo("INACTIVE"))
                .body("items[0].gap", equalTo(100))
                .body("items[0].band", equalTo("DORMANT"))
                .body("items[1].userId", equalTo(team.below()))
                .body("items[1].gap", equalTo(50))
                .body("items[1].missed", hasSize(1))
                .body("items[1].missed[0].metric", equalTo("action:record.created"));
    }

    @Test
    void shortfallsArePagedByCursorAndTheCsvHoldsTheWholeList() {
        Team team = team();
        String admin = accessToken("adam");
        String next = given().auth()
                .oauth2(admin)
                .queryParam("from", FROM)
                .queryParam("to", TO)
                .queryParam("businessUnit", team.unit())
                .queryParam("size", 1)
                .when()
                .get("/api/metrics/shortfalls")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items", hasSize(1))
                .body("items[0].userId", equalTo(team.idle()))
                .extract()
                .path("next");
        assertThat(next).isNotBlank();
        given().auth()
                .oauth2(admin)
                .queryParam("from", FROM)
                .queryParam("to", TO)
                .queryParam("businessUnit", team.unit())
                .queryParam("size", 1)
                .queryParam("after", next)
                .when()
                .get("/api/metrics/shortfalls")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].userId", equalTo(team.below()))
                .body("items[0].displayName", equalTo("Test person"))
                .body("next", org.hamcrest.Matchers.nullValue());

        String csv = given().auth()
                .oauth2(admin)
                .accept("text/csv")
                .queryParam("from", FROM)
                .queryParam("to", TO)
                .queryParam("businessUnit", team.unit())
                .queryParam("size", 1)
                .when()
                .get("/api/metrics/shortfalls")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract()
                .asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0])
                .isEqualTo(
                        "userId,displayName,businessUnit,jobRole,status,score,band,missed,gap,followedUp,lastFollowUpOn");
        assertThat(lines[1]).startsWith(team.idle() + ",Test person,");
        assertThat(lines[2]).startsWith(team.below() + ",");

        given().auth()
                .oauth2(admin)
                .queryParam("after", "not a cursor")
                .when()
                .get("/api/metrics/shortfalls")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("after"));
        given().auth()
                .oauth2(admin)
                .queryParam("page", "2")
                .when()
                .get("/api/metrics/shortfalls")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("page"));
    }

    @Test
    void theOrganisationWideCsvHoldsEveryoneOfTheJsonPagesInTheirOrder() {
        team();
        team();
        String admin = accessToken("adam");
        List<String> paged = new ArrayList<>();
        String after = null;
        do {
            var request = given().auth()
                    .oauth2(admin)
                    .queryParam("from", FROM)
                    .queryParam("to", TO)
                    .queryParam("size", 7);
            if (after != null) {
                request.queryParam("after", after);
            }
            var page = request.when()
                    .get("/api/metrics/shortfalls")
                    .then()
                    .statusCode(200)
                    .contentType(startsWith("application/json"))
                    .extract()
                    .jsonPath();
            paged.addAll(page.getList("items.userId", String.class));
            after = page.getString("next");
        } while (after != null);

        String csv = given().auth()
                .oauth2(admin)
                .accept("text/csv")
                .queryParam("from", FROM)
                .queryParam("to", TO)
                .when()
                .get("/api/metrics/shortfalls")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract()
                .asString();
        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines.getFirst())
                .isEqualTo(
                        "userId,displayName,businessUnit,jobRole,status,score,band,missed,gap,followedUp,lastFollowUpOn");
        List<String> streamed = lines.subList(1, lines.size()).stream()
                .map(line -> line.substring(0, line.indexOf(',')))
                .toList();
        assertThat(paged).hasSizeGreaterThanOrEqualTo(4);
        assertThat(streamed).containsExactlyInAnyOrderElementsOf(paged);
        assertThat(streamed).as("the same order as the pages").containsExactlyElementsOf(paged);
        given().auth()
                .oauth2(admin)
                .accept("text/csv")
                .queryParam("from", "yesterday")
                .when()
                .get("/api/metrics/shortfalls")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void theOpenApiDocumentOffersJsonAndCsvForEachReport() {
        for (String report : List.of(
                "/api/metrics/adoption",
                "/api/metrics/adoption/trend",
                "/api/metrics/shortfalls",
                "/api/metrics/leadership",
                "/api/metrics/conformity",
                "/api/metrics/people/{userId}/scorecard")) {
            io.uptake.testsupport.Management.given()
                    .accept(ContentType.JSON)
                    .when()
                    .get("/q/openapi")
                    .then()
                    .statusCode(200)
                    .body(
                            "paths.'%s'.get.responses.'200'.content.keySet()".formatted(report),
                            org.hamcrest.Matchers.containsInAnyOrder("application/json", "text/csv"));
        }
    }

    @Test
    void managersSeeTheirOwnUnitOnly() {
        given().auth()
                .oauth2(accessToken("mark"))
                .queryParam("businessUnit", "Support")
                .when()
                .get("/api/metrics/adoption")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(accessToken("mark"))
                .when()
                .get("/api/metrics/shortfalls")
                .then()
                .statusCode(200)
                .body("items.businessUnit", everyItem(equalTo("Sales EMEA")));
        given().auth()
                .oauth2(accessToken("alice"))
                .when()
                .get("/api/metrics/adoption")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(accessToken("mark"))
                .when()
                .get("/api/metrics/leadership")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(connectorToken())
                .when()
                .get("/api/metrics/conformity")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(accessToken("adam"))
                .queryParam("groupBy", "shoeSize")
                .when()
                .get("/api/metrics/adoption")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("groupBy"));
    }

    @Test
    void leadershipShowsEachExecutivesDailyUse() {
        String unit = "Board " + UUID.randomUUID().toString().substring(0, 8);
        String executive = person("report", unit, "rep", true);
        LocalDate workday = TODAY;
        while (workday.getDayOfWeek() == DayOfWeek.SATURDAY || workday.getDayOfWeek() == DayOfWeek.SUNDAY) {
            workday = workday.minusDays(1);
        }
        post(List.of(event(executive, "dashboard.viewed", workday)));
        await().atMost(Duration.ofSeconds(60)).until(() -> rollupTotal(pool, executive) == 1);

        given().auth()
                .oauth2(accessToken("erin"))
                .queryParam("from", FROM)
                .queryParam("to", TO)
                .when()
                .get("/api/metrics/leadership")
                .then()
                .statusCode(200)
                .body("find { it.userId == '%s' }.activeDays".formatted(executive), equalTo(1))
                .body("find { it.userId == '%s' }.workdays".formatted(executive), equalTo(5))
                .body("find { it.userId == '%s' }.dailyUse".formatted(executive), equalTo(0.2f));
    }

    @Test
    void aUnitThatWorksItsOwnWayIsFlagged() {
        String unit = "Maverick " + UUID.randomUUID().toString().substring(0, 8);
        String maverick = person("report", unit, "rep", false);
        String standardUnit = "Standard " + UUID.randomUUID().toString().substring(0, 8);
        String standard = person("report", standardUnit, "rep", false);
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(event(maverick, "report.run", TODAY));
        }
        for (String action : List.of("login", "record.created", "record.updated", "activity.logged")) {
            for (int i = 0; i < 20; i++) {
                batch.add(event(standard, action, TODAY));
            }
        }
        post(batch);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> rollupTotal(pool, maverick) == 20 && rollupTotal(pool, standard) == 80);

        given().auth()
                .oauth2(accessToken("adam"))
                .queryParam("from", FROM)
                .queryParam("to", TO)
                .when()
                .get("/api/metrics/conformity")
                .then()
                .statusCode(200)
                .body("find { it.businessUnit == '%s' }.flagged".formatted(unit), equalTo(true))
                .body("find { it.businessUnit == '%s' }.deviation".formatted(unit), greaterThan(0.2f))
                .body("find { it.businessUnit == '%s' }.topDeviations[0].action".formatted(unit), equalTo("report.run"))
                .body("find { it.businessUnit == '%s' }.topDeviations[0].share".formatted(unit), equalTo(1.0f))
                .body(
                        "find { it.businessUnit == '%s' }.deviation".formatted(standardUnit),
                        org.hamcrest.Matchers.lessThan(0.5f));
    }

    @Test
    void pastEventsStayWithTheUnitTheyWereMadeInWhenSomeoneMoves() {
        String before = "Before " + UUID.randomUUID().toString().substring(0, 8);
        String after = "After " + UUID.randomUUID().toString().substring(0, 8);
        String mover = person("report", before, "rep", false);
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(event(mover, "login", TODAY));
        }
        post(batch);
        await().atMost(Duration.ofSeconds(60)).until(() -> rollupTotal(pool, mover) == 5);
        given().auth()
                .oauth2(accessToken("adam"))
                .contentType(ContentType.JSON)
                .body(
                        "{\"displayName\":\"Test person\",\"businessUnit\":\"%s\",\"jobRole\":\"rep\",\"executive\":false}"
                                .formatted(after))
                .when()
                .put("/api/metrics/people/" + mover)
                .then()
                .statusCode(200);
        post(List.of(event(mover, "record.created", TODAY)));
        await().atMost(Duration.ofSeconds(60)).until(() -> rollupTotal(pool, mover) == 6);

        given().auth()
                .oauth2(accessToken("adam"))
                .queryParam("from", FROM)
                .queryParam("to", TO)
                .when()
                .get("/api/metrics/conformity")
                .then()
                .statusCode(200)
                .body("find { it.businessUnit == '%s' }.events".formatted(before), equalTo(5))
                .body("find { it.businessUnit == '%s' }.events".formatted(after), equalTo(1));
    }
}
