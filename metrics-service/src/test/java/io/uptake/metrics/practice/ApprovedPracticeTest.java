package io.uptake.metrics.practice;

import static io.restassured.RestAssured.given;
import static io.uptake.metrics.support.Fixtures.event;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An approved local practice keeps the deviation visible and removes the flag; withdrawing it flags again. */
@QuarkusTest
class ApprovedPracticeTest {

    private final Pool pool;

    ApprovedPracticeTest(Pool pool) {
        this.pool = pool;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String action() {
        String code = "practice.a" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(accessToken("adam"))
                .contentType(ContentType.JSON)
                .body("{\"name\":\"A unit's own action\"}")
                .when()
                .put("/api/metrics/actions/" + code)
                .then()
                .statusCode(201);
        return code;
    }

    private static Map<String, Object> conformityOf(String unit) {
        JsonPath rows = given().auth()
                .oauth2(accessToken("erin"))
                .when()
                .get("/api/metrics/conformity")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return rows.getMap("find { it.businessUnit == '" + unit + "' }");
    }

    private static void approve(String unit, String action, String body, int status) {
        given().auth()
                .oauth2(accessToken("erin"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/metrics/conformity/practices/" + unit + "/" + action)
                .then()
                .statusCode(status);
    }

    @Test
    void anApprovedPracticeRemovesTheFlagButKeepsTheDeviationVisible() {
        String field = "Field-" + UUID.randomUUID().toString().substring(0, 8);
        String office = "Office-" + UUID.randomUUID().toString().substring(0, 8);
        String visits = action();
        String calls = action();
        String rover = person("rover", field, "rep", false);
        String clerk = person("clerk", office, "rep", false);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(event(rover, visits, today));
            events.add(event(clerk, calls, today));
        }
        post(events);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> rollupTotal(pool, rover) == 20 && rollupTotal(pool, clerk) == 20);

        // Field does only what nobody else does: at least half its way of working differs from the organisation's
        Map<String, Object> before = conformityOf(field);
        float deviation = ((Number) before.get("deviation")).floatValue();
        assertThat(deviation).isGreaterThanOrEqualTo(0.5f);
        assertThat(before).containsEntry("flagged", true).containsEntry("approvedPractices", List.of());

        approve(field, visits, "{\"reason\":\"Field sales visit customers; visits are their pipeline\"}", 201);
        approve(field, visits, "{\"reason\":\"Field sales visit customers, and log every visit\"}", 200);

        Map<String, Object> approved = conformityOf(field);
        assertThat(((Number) approved.get("deviation")).floatValue()).isEqualTo(deviation); // still shown
        assertThat(approved)
                .containsEntry("flagged", false)
                .containsEntry("unapprovedDeviation", 0.0f)
                .containsEntry("approvedPractices", List.of(visits));
        assertThat(approved.get("topDeviations").toString()).contains("action=" + visits + ", share=1.0");
        JsonPath practices = given().auth()
                .oauth2(accessToken("mark"))
                .when()
                .get("/api/metrics/conformity/practices")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> listed = practices.getMap("find { it.businessUnit == '" + field + "' }");
        assertThat(listed)
                .containsEntry("action", visits)
                .containsEntry("reason", "Field sales visit customers, and log every visit")
                .containsEntry("approvedBy", "erin")
                .containsEntry("share", 1.0f);
        assertThat(((Number) listed.get("orgShare")).floatValue()).isLessThanOrEqualTo(0.5f);
        assertThat(conformityOf(office)).containsEntry("flagged", true); // another unit's approval is not Office's

        given().auth()
                .oauth2(accessToken("erin"))
                .when()
                .delete("/api/metrics/conformity/practices/" + field + "/" + visits)
                .then()
                .statusCode(204);
        assertThat(conformityOf(field)).containsEntry("flagged", true);
        given().auth()
                .oauth2(accessToken("erin"))
                .when()
                .delete("/api/metrics/conformity/practices/" + field + "/" + visits)
                .then()
                .statusCode(404);
    }

    @Test
    void onlyExecutivesAndAdminsApproveAndBadInputIsNamed() {
        given().auth()
                .oauth2(accessToken("mark"))
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"we like it\"}")
                .when()
                .put("/api/metrics/conformity/practices/Sales EMEA/login")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(accessToken("adam"))
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"we like it\"}")
                .when()
                .put("/api/metrics/conformity/practices/Sales EMEA/no.such-action")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("action"));
        given().auth()
                .oauth2(accessToken("adam"))
                .contentType(ContentType.JSON)
                .body("{\"reason\":\" \"}")
                .when()
                .put("/api/metrics/conformity/practices/Sales EMEA/login")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
    }
}
