package io.uptake.metrics.shortfall;

import static io.restassured.RestAssured.given;
import static io.uptake.metrics.support.Fixtures.event;
import static io.uptake.metrics.support.Fixtures.person;
import static io.uptake.metrics.support.Fixtures.rollupTotal;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static io.uptake.testsupport.KeycloakTokens.connectorToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Shortfalls of a closed week reach uptake.adoption-shortfalls, once per person, however often they are published. */
@QuarkusTest
class ShortfallPublicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Period LAST_WEEK = Period.lastClosed(Period.WEEK, LocalDate.now(ZoneOffset.UTC));

    private final ShortfallsProbe published;
    private final Pool pool;
    private final ShortfallPublisher publisher;

    ShortfallPublicationTest(ShortfallsProbe published, Pool pool, ShortfallPublisher publisher) {
        this.published = published;
        this.pool = pool;
        this.publisher = publisher;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void everyoneBelowObjectivesIsPublishedOncePerPeriod() throws Exception {
        String unit = "Short " + UUID.randomUUID().toString().substring(0, 8);
        String admin = accessToken("adam");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"expectations\":[{\"metric\":\"active-days\",\"period\":\"week\",\"min\":3}]}")
                .when()
                .put("/api/metrics/objectives/" + unit + "/rep")
                .then()
                .statusCode(200);
        // Last week is judged by the objectives that held then: let these have held for a while.
        pool.preparedQuery(
                        "update objective_version set valid_from = now() - interval '60 days' where business_unit = $1")
                .execute(Tuple.of(unit))
                .await()
                .atMost(Duration.ofSeconds(10));
        String meeting = person("short", unit, "rep", false);
        String below = person("short", unit, "rep", false);
        String idle = person("short", unit, "rep", false);
        given().auth()
                .oauth2(connectorToken())
                .contentType(ContentType.JSON)
                .body(List.of(
                        event(meeting, "login", LAST_WEEK.start()),
                        event(meeting, "login", LAST_WEEK.start().plusDays(1)),
                        event(meeting, "login", LAST_WEEK.start().plusDays(2)),
                        event(below, "login", LAST_WEEK.start())))
                .when()
                .post("/api/metrics/events")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(4));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> rollupTotal(pool, meeting) == 3 && rollupTotal(pool, below) == 1);

        given().auth()
                .oauth2(admin)
                .queryParam("period", "week")
                .queryParam("from", LAST_WEEK.start().toString())
                .when()
                .post("/api/metrics/shortfalls/publish")
                .then()
                .statusCode(200)
                .body("published", greaterThanOrEqualTo(2));
        given().auth()
                .oauth2(admin)
                .queryParam("period", "week")
                .queryParam("from", LAST_WEEK.start().toString())
                .when()
                .post("/api/metrics/shortfalls/publish")
                .then()
                .statusCode(200)
                .body("published", equalTo(0))
                .body("alreadyPublished", greaterThanOrEqualTo(2));

        await().atMost(Duration.ofSeconds(90))
                .until(() -> !published.valuesFor(below).isEmpty()
                        && !published.valuesFor(idle).isEmpty());
        assertThat(published.valuesFor(below)).hasSize(1);
        assertThat(published.valuesFor(idle)).hasSize(1);
        assertThat(published.valuesFor(meeting)).isEmpty();
        JsonNode notice = JSON.readTree(published.valuesFor(below).getFirst());
        assertThat(notice.get("status").asText()).isEqualTo("BELOW");
        assertThat(notice.get("from").asText()).isEqualTo(LAST_WEEK.start().toString());
        assertThat(notice.get("missed").get(0).get("metric").asText()).isEqualTo("active-days");
        assertThat(JSON.readTree(published.valuesFor(idle).getFirst())
                        .get("status")
                        .asText())
                .isEqualTo("INACTIVE");
    }

    @Test
    void historyBackfilledForAnOldClosedWeekChangesItsTrendButPublishesNoShortfallForIt() throws Exception {
        String unit = "Backfill " + UUID.randomUUID().toString().substring(0, 8);
        String admin = accessToken("adam");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(
                        "{\"expectations\":[{\"metric\":\"active-days\",\"period\":\"week\",\"min\":3}],\"effectiveFrom\":\""
                                + LocalDate.now(ZoneOffset.UTC).minusDays(200) + "\"}")
                .when()
                .put("/api/metrics/objectives/" + unit + "/rep")
                .then()
                .statusCode(200);
        String historic = person("short", unit, "rep", false);
        LocalDate oldWeek = LAST_WEEK.start().minusWeeks(10);
        Map<String, Object> imported = new java.util.HashMap<>(event(historic, "login", oldWeek.plusDays(2)));
        imported.put("backfill", true);
        given().auth()
                .oauth2(connectorToken())
                .contentType(ContentType.JSON)
                .body(List.of(imported))
                .when()
                .post("/api/metrics/events")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(1));
        await().atMost(Duration.ofSeconds(60)).until(() -> rollupTotal(pool, historic) == 1);

        given().auth()
                .oauth2(admin)
                .queryParam("from", oldWeek.toString())
                .queryParam("to", oldWeek.plusDays(6).toString())
                .queryParam("businessUnit", unit)
                .queryParam("interval", "week")
                .when()
                .get("/api/metrics/adoption/trend")
                .then()
                .statusCode(200)
                .body("[0].activePeople", equalTo(1))
                .body("[0].meetingObjectives", equalTo(0.0f));

        publisher.publishClosedPeriods().await().atMost(Duration.ofSeconds(60));
        // the check publishes the last closed week (where this person is inactive); never the week of the history
        await().atMost(Duration.ofSeconds(90))
                .until(() -> published.valuesFor(historic).stream()
                        .anyMatch(value -> value.contains("\"from\":\"" + LAST_WEEK.start() + "\"")));
        assertThat(published.valuesFor(historic)).noneMatch(value -> value.contains("\"from\":\"" + oldWeek + "\""));
        Long noticesOfOldWeek = pool.preparedQuery(
                        "select count(*) from shortfall_notice where user_id = $1 and period_start = $2")
                .execute(Tuple.of(historic, oldWeek))
                .await()
                .atMost(Duration.ofSeconds(10))
                .iterator()
                .next()
                .getLong(0);
        assertThat(noticesOfOldWeek).isZero();
    }

    @Test
    void onlyAdminsPublishAndOnlyClosedPeriods() {
        given().auth()
                .oauth2(accessToken("erin"))
                .when()
                .post("/api/metrics/shortfalls/publish")
                .then()
                .statusCode(403);
        LocalDate thisMonday = LAST_WEEK.start().plusWeeks(1);
        given().auth()
                .oauth2(accessToken("adam"))
                .queryParam("period", "week")
                .queryParam("from", thisMonday.toString())
                .when()
                .post("/api/metrics/shortfalls/publish")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().auth()
                .oauth2(accessToken("adam"))
                .queryParam("period", "fortnight")
                .when()
                .post("/api/metrics/shortfalls/publish")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("period"));
    }
}
