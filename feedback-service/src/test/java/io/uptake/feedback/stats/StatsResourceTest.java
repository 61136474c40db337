package io.uptake.feedback.stats;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.uptake.feedback.item.Status;
import io.uptake.feedback.support.Items;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Overdue items against the response target, and the per-unit stats. */
@QuarkusTest
class StatsResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final Pool pool;

    StatsResourceTest(Pool pool) {
        this.pool = pool;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void itemsWaitingLongerThanTheTargetAreOverdueAndManagersSeeTheirOwnUnit() {
        String admin = accessToken("adam");
        long salesLate = Items.submit(accessToken("alice"), "Late " + UUID.randomUUID());
        long supportLate = Items.submit(accessToken("carol"), "Late " + UUID.randomUUID());
        long salesRecent = Items.submit(accessToken("bob"), "Recent " + UUID.randomUUID());
        long answered = Items.submit(accessToken("bob"), "Answered " + UUID.randomUUID());
        backdate(salesLate, 8);
        backdate(supportLate, 8);
        backdate(answered, 8);
        Items.move(admin, answered, Status.ACKNOWLEDGED, "thanks");

        given().auth()
                .oauth2(admin)
                .queryParam("size", 200)
                .when()
                .get("/api/feedback/overdue")
                .then()
                .statusCode(200)
                .body("items.id", hasItem((int) salesLate))
                .body("items.id", hasItem((int) supportLate))
                .body("items.find { it.id == " + supportLate + " }.submitterName", equalTo("Carol Costa"))
                .body("items.id", not(hasItem((int) salesRecent)))
                .body("items.id", not(hasItem((int) answered)));
        given().auth()
                .oauth2(accessToken("mark"))
                .queryParam("size", 200)
                .when()
                .get("/api/feedback/overdue")
                .then()
                .statusCode(200)
                .body("items.id", hasItem((int) salesLate))
                .body("items.businessUnit", everyItem(equalTo("Sales EMEA")));
        given().auth()
                .oauth2(accessToken("alice"))
                .when()
                .get("/api/feedback/overdue")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void statsCountPerUnitWithMediansAndTopContributors() {
        String admin = accessToken("adam");
        long first = Items.submit(accessToken("carol"), "Stats " + UUID.randomUUID());
        Items.submit(accessToken("carol"), "Stats " + UUID.randomUUID());
        backdate(first, 2);
        Items.advanceTo(admin, first, Status.IMPLEMENTED);
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        given().auth()
                .oauth2(accessToken("alice"))
                .queryParam("from", LocalDate.now(ZoneOffset.UTC).minusDays(10).toString())
                .queryParam("to", today)
                .when()
                .get("/api/feedback/stats")
                .then()
                .statusCode(200)
                .body("businessUnits.find { it.businessUnit == 'Support' }.submitted", greaterThanOrEqualTo(2))
                .body("businessUnits.find { it.businessUnit == 'Support' }.implemented", greaterThanOrEqualTo(1))
                .body(
                        "businessUnits.find { it.businessUnit == 'Support' }.medianDaysToImplementation",
                        not(equalTo(null)))
                .body("topContributors.userId", hasItem("carol"))
                .body("topContributors.find { it.userId == 'carol' }.displayName", equalTo("Carol Costa"));
        given().auth()
                .oauth2(accessToken("alice"))
                .queryParam("from", today)
                .queryParam("to", "2020-01-01")
                .when()
                .get("/api/feedback/stats")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("from"));
        given().auth()
                .oauth2(accessToken("alice"))
                .queryParam("to", "yesterday")
                .when()
                .get("/api/feedback/stats")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("to"));
    }

    private void backdate(long id, int days) {
        pool.preparedQuery("update feedback_item set created_at = created_at - make_interval(days => $2) where id = $1")
                .execute(Tuple.of(id, days))
                .await()
                .atMost(Duration.ofSeconds(10));
    }
}
