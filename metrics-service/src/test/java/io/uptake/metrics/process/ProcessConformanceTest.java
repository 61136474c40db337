package io.uptake.metrics.process;

import static io.restassured.RestAssured.given;
import static io.uptake.metrics.support.Fixtures.person;
import static io.uptake.metrics.support.Fixtures.post;
import static io.uptake.metrics.support.Fixtures.rollupTotal;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rules of order over a hand-built sequence of real events, some sent late and out of order. */
@QuarkusTest
class ProcessConformanceTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.DAYS);
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private final Pool pool;

    ProcessConformanceTest(Pool pool) {
        this.pool = pool;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** An event {@code daysAgo} days before today at 10:00 UTC, about {@code object} (none when null). */
    private static Map<String, Object> event(String user, String action, String object, int daysAgo) {
        Map<String, Object> event = new HashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("userId", user);
        event.put("action", action);
        event.put(
                "occurredAt",
                NOW.minus(daysAgo, ChronoUnit.DAYS).plus(10, ChronoUnit.HOURS).toString());
        if (object != null) {
            event.put("objectId", object);
        }
        return event;
    }

    private static String rule(String unit) {
        return given().auth()
                .oauth2(accessToken("adam"))
                .contentType(ContentType.JSON)
                .body("""
                        {"name":"Review the customer before updating the opportunity","businessUnit":"%s",
                         "firstAction":"customer.reviewed","thenAction":"opportunity.updated","withinDays":7}""".formatted(unit))
                .when()
                .post("/api/metrics/process-rules")
                .then()
                .statusCode(201)
                .body("withinDays", equalTo(7))
                .extract()
                .path("id");
    }

    private static JsonPath violations(String unit, String groupBy) {
        return given().auth()
                .oauth2(accessToken("erin"))
                .queryParam("businessUnit", unit)
                .queryParam("groupBy", groupBy)
                .queryParam("from", TODAY.minusDays(30).toString())
                .queryParam("to", TODAY.toString())
                .queryParam("interval", "month")
                .when()
                .get("/api/metrics/process-violations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Checked and violations of one person (or the unit when null), over the rows of every period. */
    private static long[] totals(JsonPath rows, String user) {
        long checked = 0;
        long violations = 0;
        List<Map<String, Object>> all = rows.getList("");
        for (Map<String, Object> row : all) {
            if (user == null || user.equals(row.get("userId"))) {
                checked += ((Number) row.get("checked")).longValue();
                violations += ((Number) row.get("violations")).longValue();
            }
        }
        return new long[] {checked, violations};
    }

    @Test
    void aHandBuiltSequenceGivesExactlyTheExpectedViolations() {
        String unit = "Proc-" + UUID.randomUUID().toString().substring(0, 8);
        String ruleId = rule(unit);
        String ann = person("ann", unit, "rep", false);
        String bob = person("bob", unit, "rep", false);
        String o = UUID.randomUUID().toString().substring(0, 8) + "-";
        post(List.of(
                event(ann, "customer.reviewed", o + "1", 10),
                event(ann, "opportunity.updated", o + "1", 5), // reviewed 5 days before: in order
                event(ann, "opportunity.updated", o + "2", 5), // never reviewed: a violation
                event(ann, "customer.reviewed", o + "3", 20),
                event(ann, "opportunity.updated", o + "3", 5), // reviewed 15 days before: a violation
                event(bob, "opportunity.updated", o + "4", 4), // its review comes later, sent late (below)
                event(bob, "opportunity.updated", o + "5", 4),
                event(bob, "customer.reviewed", o + "5", 3), // reviewed after the update: a violation
                event(ann, "customer.reviewed", o + "6", 8), // reviewed by someone else: still reviewed
                event(bob, "opportunity.updated", o + "6", 6),
                event(bob, "opportunity.updated", null, 2))); // no object: not checked
        await().atMost(Duration.ofSeconds(30)).until(() -> rollupTotal(pool, ann) == 6 && rollupTotal(pool, bob) == 5);

        JsonPath early = violations(unit, "person");
        assertThat(totals(early, ann)).containsExactly(3, 2);
        assertThat(totals(early, bob)).containsExactly(3, 2); // o4 not reviewed yet

        // the review of o4, made 6 days ago, arrives now: judged by when it happened
        post(List.of(event(bob, "customer.reviewed", o + "4", 6)));
        await().atMost(Duration.ofSeconds(30)).until(() -> rollupTotal(pool, bob) == 6);

        JsonPath byPerson = violations(unit, "person");
        assertThat(totals(byPerson, ann)).containsExactly(3, 2);
        assertThat(totals(byPerson, bob)).containsExactly(3, 1);
        assertThat(byPerson.getList("ruleId")).containsOnly(ruleId);
        assertThat(byPerson.getList("businessUnit")).containsOnly(unit);
        JsonPath byUnit = violations(unit, "businessUnit");
        assertThat(totals(byUnit, null)).containsExactly(6, 3);
        assertThat(byUnit.getList("userId")).containsOnlyNulls();
        assertThat(byUnit.getList("displayName")).containsOnlyNulls();
        assertThat(byPerson.getList("displayName")).containsOnly("Test person");

        String csv = given().auth()
                .oauth2(accessToken("erin"))
                .accept("text/csv")
                .queryParam("businessUnit", unit)
                .queryParam("from", TODAY.minusDays(30).toString())
                .queryParam("interval", "month")
                .queryParam("groupBy", "person")
                .when()
                .get("/api/metrics/process-violations")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo(
                        "periodStart,periodEnd,ruleId,rule,businessUnit,userId,displayName,checked,violations,violationShare");
        assertThat(csv.lines().skip(1)).allSatisfy(line -> assertThat(line).contains(unit));
    }

    @Test
    void rulesAreValidatedAndOnlyAdminsWriteThem() {
        JsonPath refused = given().auth()
                .oauth2(accessToken("adam"))
                .contentType(ContentType.JSON)
                .body("""
                        {"name":"","firstAction":"no.such","thenAction":"login","withinDays":0}""")
                .when()
                .post("/api/metrics/process-rules")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .extract()
                .jsonPath();
        assertThat(refused.getList("errors.field")).containsExactlyInAnyOrder("name", "firstAction", "withinDays");
        given().auth()
                .oauth2(accessToken("mark"))
                .contentType(ContentType.JSON)
                .body("""
                        {"name":"x","firstAction":"login","thenAction":"report.run","withinDays":1}""")
                .when()
                .post("/api/metrics/process-rules")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(accessToken("mark"))
                .queryParam("businessUnit", "Support")
                .when()
                .get("/api/metrics/process-violations")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(accessToken("erin"))
                .queryParam("groupBy", "planet")
                .when()
                .get("/api/metrics/process-violations")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("groupBy"));
        given().auth()
                .oauth2(accessToken("erin"))
                .queryParam("rule", "not-a-uuid")
                .when()
                .get("/api/metrics/process-violations")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("rule"));
        String unit = "Proc-" + UUID.randomUUID().toString().substring(0, 8);
        String id = rule(unit);
        given().auth()
                .oauth2(accessToken("hana"))
                .queryParam("size", 500)
                .when()
                .get("/api/metrics/process-rules")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + id + "' }.businessUnit", equalTo(unit));
        given().auth()
                .oauth2(accessToken("adam"))
                .when()
                .delete("/api/metrics/process-rules/" + id)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(accessToken("adam"))
                .when()
                .delete("/api/metrics/process-rules/" + id)
                .then()
                .statusCode(404);
    }
}
