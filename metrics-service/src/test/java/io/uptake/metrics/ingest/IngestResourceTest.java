package io.uptake.metrics.ingest;

import static io.restassured.RestAssured.given;
import static io.uptake.metrics.support.Fixtures.rollupTotal;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static io.uptake.testsupport.KeycloakTokens.connectorToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ingestion end to end: real tokens, the real broker, the consumer, the rollups in PostgreSQL. */
@QuarkusTest
class IngestResourceTest {

    private static final String EVENTS = "/api/metrics/events";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Duration APPLIED_WITHIN = Duration.ofSeconds(60);

    private final Pool pool;

    IngestResourceTest(Pool pool) {
        this.pool = pool;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void acceptedEventsReachTheRollupsAndTheSameBatchTwiceCountsOnce() {
        String user = newUser();
        Instant recently = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> batch = List.of(
                event(user, "login", recently),
                event(user, "record.created", recently),
                event(user, "record.created", recently.plusSeconds(1)));
        String connector = connectorToken();

        given().auth()
                .oauth2(connector)
                .contentType(ContentType.JSON)
                .body(batch)
                .when()
                .post(EVENTS)
                .then()
                .statusCode(202)
                .body("accepted", equalTo(3))
                .body("duplicates", equalTo(0))
                .body("rejected", hasSize(0));
        await().atMost(APPLIED_WITHIN).until(() -> rollupTotal(pool, user) == 3L);

        given().auth()
                .oauth2(connector)
                .contentType(ContentType.JSON)
                .body(batch)
                .when()
                .post(EVENTS)
                .then()
                .statusCode(202)
                .body("accepted", equalTo(0))
                .body("duplicates", equalTo(3));

        List<Map<String, Object>> withRepeats = new ArrayList<>(batch);
        Map<String, Object> fourth = event(user, "report.run", recently);
        withRepeats.add(fourth);
        withRepeats.add(fourth);
        given().auth()
                .oauth2(connector)
                .contentType(ContentType.JSON)
                .body(withRepeats)
                .when()
                .post(EVENTS)
                .then()
                .statusCode(202)
                .body("accepted", equalTo(1))
                .body("duplicates", equalTo(4));
        await().atMost(APPLIED_WITHIN).until(() -> rollupTotal(pool, user) == 4L);
        assertThat(rollup(user, "record.created")).isEqualTo(2L);
    }

    @Test
    void aBadItemIsReportedByIndexAndTheRestAccepted() {
        String user = newUser();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> bad = event(user, "record.teleported", now);
        List<Map<String, Object>> batch = List.of(event(user, "login", now), bad, event(user, "search.performed", now));

        given().auth()
                .oauth2(connectorToken())
                .contentType(ContentType.JSON)
                .body(batch)
                .when()
                .post(EVENTS)
                .then()
                .statusCode(202)
                .body("accepted", equalTo(2))
                .body("rejected", hasSize(1))
                .body("rejected[0].index", equalTo(1))
                .body("rejected[0].eventId", equalTo(bad.get("eventId")))
                .body("rejected[0].errors[0]", containsString("action"));
        await().atMost(APPLIED_WITHIN).until(() -> rollupTotal(pool, user) == 2L);
        assertThat(rollup(user, "record.teleported")).isZero();
    }

    @Test
    void eachFieldIsCheckedAndNamed() {
        String user = newUser();
        Instant now = Instant.now();
        String body = """
                [
                  {"userId":"%1$s","action":"login","occurredAt":"%2$s"},
                  {"eventId":"not-a-uuid","userId":"%1$s","action":"login","occurredAt":"%2$s"},
                  {"eventId":"%3$s","userId":42,"action":"login","occurredAt":"%2$s"},
                  {"eventId":"%4$s","userId":"%1$s","action":"login","occurredAt":"1970-01-01T00:00:00Z"},
                  {"eventId":"%5$s","userId":"%1$s","action":"login","occurredAt":"2100-01-01T00:00:00Z"},
                  {"eventId":"%6$s","userId":"%1$s","action":"login","occurredAt":"yesterday"},
                  {"eventId":"%7$s","userId":"%1$s","action":"login","occurredAt":"%2$s","source":"%8$s"},
                  {"eventId":"%9$s","userId":"ünïcødé-✓-%1$s","action":"login","occurredAt":"%2$s"},
                  "not an object"
                ]""".formatted(
                        user,
                        now,
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "ß".repeat(5000),
                        UUID.randomUUID());

        given().auth()
                .oauth2(connectorToken())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(EVENTS)
                .then()
                .statusCode(202)
                .body("accepted", equalTo(0))
                .body("rejected", hasSize(9))
                .body("rejected[0].errors", hasItem("eventId: is required"))
                .body("rejected[1].errors[0]", containsString("eventId: must be a UUID"))
                .body("rejected[2].errors", hasItem("userId: must be a string"))
                .body(
                        "rejected[3].errors",
                        hasItem("occurredAt: older than the retention of 400 days; such events are not kept"))
                .body("rejected[4].errors", hasItem("occurredAt: more than 5 minutes in the future"))
                .body("rejected[5].errors[0]", containsString("occurredAt: must be an RFC 3339 instant"))
                .body("rejected[6].errors", hasItem("source: at most 100 characters"))
                .body("rejected[7].errors[0]", containsString("userId: must be"))
                .body("rejected[8].errors", hasItem("the item must be a JSON object"));
        assertThat(rollupTotal(pool, user)).isZero();
    }

    @Test
    void aSenderClockThreeDaysAheadIsCorrectedBySentAt() {
        String user = newUser();
        Instant now = Instant.now();
        Instant wrongClock = now.plus(Duration.ofDays(3));
        Map<String, Object> skewed = Map.of(
                "eventId",
                UUID.randomUUID().toString(),
                "userId",
                user,
                "action",
                "login",
                "occurredAt",
                wrongClock.minus(Duration.ofMinutes(10)).toString(),
                "sentAt",
                wrongClock.toString());
        given().auth()
                .oauth2(connectorToken())
                .contentType(ContentType.JSON)
                .body(List.of(skewed))
                .when()
                .post(EVENTS)
                .then()
                .statusCode(202)
                .body("accepted", equalTo(1));
        LocalDate expectedDay =
                now.minus(Duration.ofMinutes(10)).atOffset(ZoneOffset.UTC).toLocalDate();
        await().atMost(APPLIED_WITHIN).until(() -> rollupTotal(pool, user) == 1L);
        assertThat(rollupOn(user, expectedDay)).isEqualTo(1L);

        Map<String, Object> unskewed = Map.of(
                "eventId",
                UUID.randomUUID().toString(),
                "userId",
                user,
                "action",
                "login",
                "occurredAt",
                wrongClock.toString());
        given().auth()
                .oauth2(connectorToken())
                .contentType(ContentType.JSON)
                .body(List.of(
                        unskewed,
                        Map.of(
                                "eventId",
                                UUID.randomUUID().toString(),
                                "userId",
                                user,
                                "action",
                                "login",
                                "occurredAt",
                                now.toString(),
                                "sentAt",
                                "tuesday")))
                .when()
                .post(EVENTS)
                .then()
                .statusCode(202)
                .body("accepted", equalTo(0))
                .body("rejected[0].errors", hasItem("occurredAt: more than 5 minutes in the future"))
                .body("rejected[1].errors[0]", containsString("sentAt: must be an RFC 3339 instant"));
    }

    @Test
    void historyNeedsBackfillFromTheIngestClientAndStopsAtTheRetention() {
        String user = newUser();
        LocalDate longAgo = LocalDate.now(ZoneOffset.UTC).minusDays(200);
        Instant at = longAgo.atTime(10, 0).toInstant(ZoneOffset.UTC);
        Map<String, Object> history = Map.of(
                "eventId",
                UUID.randomUUID().toString(),
                "userId",
                user,
                "action",
                "login",
                "occurredAt",
                at.toString(),
                "backfill",
                true);
        Map<String, Object> unflagged = Map.of(
                "eventId",
                UUID.randomUUID().toString(),
                "userId",
                user,
                "action",
                "login",
                "occurredAt",
                at.toString());
        Map<String, Object> tooOld = Map.of(
                "eventId",
                UUID.randomUUID().toString(),
                "userId",
                user,
                "action",
                "login",
                "occurredAt",
                Instant.now().minus(Duration.ofDays(401)).toString(),
                "backfill",
                true);

        given().auth()
                .oauth2(accessToken("adam"))
                .contentType(ContentType.JSON)
                .body(List.of(history))
                .when()
                .post(EVENTS)
                .then()
                .statusCode(202)
                .body("accepted", equalTo(0))
                .body("rejected[0].errors", hasItem("backfill: only the ingest client may send history"));
        given().auth()
                .oauth2(connectorToken())
                .contentType(ContentType.JSON)
                .body(List.of(history, unflagged, tooOld))
                .when()
                .post(EVENTS)
                .then()
                .statusCode(202)
                .body("accepted", equalTo(1))
                .body("rejected[0].index", equalTo(1))
                .body(
                        "rejected[0].errors[0]",
                        containsString("more than 90 days ago; send history with \"backfill\": true (up to 400 days)"))
                .body("rejected[1].index", equalTo(2))
                .body(
                        "rejected[1].errors",
                        hasItem("occurredAt: older than the retention of 400 days; such events are not kept"));
        await().atMost(APPLIED_WITHIN).until(() -> rollupTotal(pool, user) == 1L);
        assertThat(rollupOn(user, longAgo)).isEqualTo(1L);
    }

    @Test
    void aBodyThatIsNotAnArrayOfOneToAThousandIsA400() {
        String connector = connectorToken();
        given().auth()
                .oauth2(connector)
                .contentType(ContentType.JSON)
                .body("{\"eventId\":\"x\"}")
                .when()
                .post(EVENTS)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON);
        given().auth()
                .oauth2(connector)
                .contentType(ContentType.JSON)
                .body("[{\"eventId\":")
                .when()
                .post(EVENTS)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON);
        given().auth()
                .oauth2(connector)
                .contentType(ContentType.JSON)
                .body("[]")
                .when()
                .post(EVENTS)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("events"));

        String user = newUser();
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(event(user, "login", Instant.now()));
        }
        given().auth()
                .oauth2(connector)
                .contentType(ContentType.JSON)
                .body(tooMany)
                .when()
                .post(EVENTS)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("events"));
        assertThat(rollupTotal(pool, user)).isZero();
    }

    @Test
    void aHundredThousandItemsOrTwentyMegabytesAreRefusedAndNothingIsWritten() {
        String connector = connectorToken();
        String user = newUser();
        String item = "{\"eventId\":\"%s\",\"userId\":\"%s\",\"action\":\"login\",\"occurredAt\":\"%s\"}";
        StringBuilder hundredThousand = new StringBuilder("[");
        for (int i = 0; i < 100_000; i++) {
            hundredThousand.append(i == 0 ? "" : ",").append(item.formatted(UUID.randomUUID(), user, Instant.now()));
        }
        given().auth()
                .oauth2(connector)
                .contentType(ContentType.JSON)
                .body(hundredThousand.append("]").toString())
                .when()
                .post(EVENTS)
                .then()
                .statusCode(413)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("body"));

        String twentyMegabytes = "["
                + item.formatted(UUID.randomUUID(), user, Instant.now())
                        .replace("\"login\"", "\"login\",\"source\":\"" + "x".repeat(20 * 1024 * 1024) + "\"")
                + "]";
        given().auth()
                .oauth2(connector)
                .contentType(ContentType.JSON)
                .body(twentyMegabytes)
                .when()
                .post(EVENTS)
                .then()
                .statusCode(413)
                .contentType(PROBLEM_JSON);

        StringBuilder manySmall = new StringBuilder("[");
        for (int i = 0; i < 100_000; i++) {
            manySmall.append(i == 0 ? "{}" : ",{}");
        }
        given().auth()
                .oauth2(connector)
                .contentType(ContentType.JSON)
                .body(manySmall.append("]").toString())
                .when()
                .post(EVENTS)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("events"));
        assertThat(rollupTotal(pool, user)).isZero();
    }

    @Test
    void onlyConnectorsAndAdminsPostAndConnectorsReadNothing() {
        List<Map<String, Object>> batch = List.of(event(newUser(), "login", Instant.now()));
        given().contentType(ContentType.JSON)
                .body(batch)
                .when()
                .post(EVENTS)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(accessToken("alice"))
                .contentType(ContentType.JSON)
                .body(batch)
                .when()
                .post(EVENTS)
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        given().auth()
                .oauth2(accessToken("adam"))
                .contentType(ContentType.JSON)
                .body(batch)
                .when()
                .post(EVENTS)
                .then()
                .statusCode(202)
                .body("accepted", equalTo(1));
        given().auth()
                .oauth2(connectorToken())
                .when()
                .get("/api/metrics/actions")
                .then()
                .statusCode(403);
    }

    private static String newUser() {
        return "ingest-" + UUID.randomUUID().toString().substring(0, 13);
    }

    private static Map<String, Object> event(String user, String action, Instant at) {
        return Map.of(
                "eventId",
                UUID.randomUUID().toString(),
                "userId",
                user,
                "action",
                action,
                "occurredAt",
                at.toString(),
                "objectType",
                "contact",
                "source",
                "web");
    }

    private long rollupOn(String user, LocalDate day) {
        return pool.preparedQuery(
                        "select coalesce(sum(events), 0) as total from daily_rollup where user_id = $1 and day = $2")
                .execute(Tuple.of(user, day))
                .map(rows -> rows.iterator().next().getLong("total"))
                .await()
                .atMost(Duration.ofSeconds(10));
    }

    private long rollup(String user, String action) {
        return pool.preparedQuery(
                        "select coalesce(sum(events), 0) as total from daily_rollup where user_id = $1 and action = $2")
                .execute(Tuple.of(user, action))
                .map(rows -> rows.iterator().next().getLong("total"))
                .await()
                .atMost(Duration.ofSeconds(10));
    }
}
