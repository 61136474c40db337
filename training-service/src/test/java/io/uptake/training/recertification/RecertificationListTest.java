package io.uptake.training.recertification;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static io.uptake.training.support.Catalogue.HR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.uptake.training.support.Catalogue;
import io.uptake.training.support.Roster;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HR's list of passes expiring within a window or expired, by name, with the re-test assigned for each. */
@QuarkusTest
class RecertificationListTest {

    private final Pool pool;
    private final RecertificationCheck check;

    RecertificationListTest(Pool pool, RecertificationCheck check) {
        this.pool = pool;
        this.check = check;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(accessToken(user));
    }

    private static JsonPath list(RequestSpecification request) {
        return request.when()
                .get("/api/training/recertifications")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void expiringAndExpiredPassesByNameWithTheirRetests() {
        String unit = Catalogue.unique("Unit");
        String skill = Catalogue.skill();
        Catalogue.single(skill, 2);
        String test = Catalogue.test(Map.of(skill, 1), 70, 0, List.of());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String expired = Catalogue.unique("expired");
        String soon = Catalogue.unique("soon");
        String later = Catalogue.unique("later");
        String valid = Catalogue.unique("valid");
        String failed = Catalogue.unique("failed");
        String left = Catalogue.unique("left");
        Roster.person(pool, expired, "Ed Expired", unit);
        Roster.person(pool, soon, "Sue Soon", unit);
        Roster.person(pool, later, null, unit);
        Roster.person(pool, left, "Lee Left", unit);
        Roster.sql(pool, "update person set active = false where user_id = $1", left);
        OffsetDateTime thirteenMonthsAgo = now.minusMonths(13);
        OffsetDateTime inTenDays = now.minusMonths(12).plusDays(10);
        OffsetDateTime inFiftyDays = now.minusMonths(12).plusDays(50);
        Roster.score(pool, expired, unit, skill, 90, true, thirteenMonthsAgo);
        Roster.score(pool, soon, unit, skill, 80, true, inTenDays);
        Roster.score(pool, later, unit, skill, 75, true, inFiftyDays);
        Roster.score(pool, valid, unit, skill, 95, true, now.minusMonths(2));
        Roster.score(pool, failed, unit, skill, 30, false, thirteenMonthsAgo);
        Roster.score(pool, left, unit, skill, 90, true, thirteenMonthsAgo);

        // the default window (30 days): the expired first, then the expiring; by name
        JsonPath due = list(as(HR).queryParam("businessUnit", unit));
        assertThat(due.getList("items.userId", String.class)).containsExactly(expired, soon);
        assertThat(due.getLong("total")).isEqualTo(2);
        assertThat(due.getString("items[0].displayName")).isEqualTo("Ed Expired");
        assertThat(due.getString("items[0].status")).isEqualTo("EXPIRED");
        assertThat(due.getString("items[0].skill")).isEqualTo(skill);
        assertThat(due.getString("items[0].skillName")).isEqualTo("Skill " + skill);
        assertThat(due.getString("items[0].businessUnit")).isEqualTo(unit);
        assertThat(due.getString("items[0].passedOn"))
                .isEqualTo(thirteenMonthsAgo.toLocalDate().toString());
        assertThat(due.getString("items[0].expiresOn"))
                .isEqualTo(thirteenMonthsAgo.toLocalDate().plusMonths(12).toString());
        assertThat(due.getString("items[1].status")).isEqualTo("EXPIRING");
        assertThat(due.getString("items[1].expiresOn"))
                .isEqualTo(inTenDays.toLocalDate().plusMonths(12).toString());
        assertThat(due.getMap("items[1]")).containsEntry("assignment", null);
        // a wider window, one status, a page of one with the honest total
        JsonPath wider = list(as(HR).queryParam("businessUnit", unit).queryParam("within", 60));
        assertThat(wider.getList("items.userId", String.class)).containsExactly(expired, soon, later);
        assertThat(wider.getMap("items[2]")).containsEntry("displayName", null);
        assertThat(list(as(HR).queryParam("businessUnit", unit)
                                .queryParam("within", 60)
                                .queryParam("status", "expiring"))
                        .getList("items.userId", String.class))
                .containsExactly(soon, later);
        assertThat(list(as(HR).queryParam("businessUnit", unit).queryParam("status", "expired"))
                        .getList("items.userId", String.class))
                .containsExactly(expired);
        JsonPath paged = list(as(HR).queryParam("businessUnit", unit)
                .queryParam("within", 60)
                .queryParam("page", 1)
                .queryParam("size", 1));
        assertThat(paged.getList("items.userId", String.class)).containsExactly(soon);
        assertThat(paged.getLong("total")).isEqualTo(3);

        // once the check has assigned the re-tests, each row carries its assignment
        check.assignDue().await().atMost(Duration.ofSeconds(60));
        JsonPath assigned = list(as(HR).queryParam("businessUnit", unit));
        assertThat(assigned.getString("items[0].assignment.testId")).isEqualTo(test);
        assertThat(assigned.getString("items[0].assignment.status")).isEqualTo("ASSIGNED");
        assertThat(assigned.getString("items[1].assignment.dueOn"))
                .isEqualTo(inTenDays.toLocalDate().plusMonths(12).toString());
        String retest = assigned.getString("items[0].assignment.id");
        as(HR).queryParam("userId", expired)
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(retest))
                .body("items[0].reason.kind", equalTo("RECERTIFY"));
    }

    @Test
    void managersReadTheirOwnUnitAndBadParametersAreNamed() {
        as("mark").when().get("/api/training/recertifications").then().statusCode(200);
        as("mark")
                .queryParam("businessUnit", "Sales EMEA")
                .when()
                .get("/api/training/recertifications")
                .then()
                .statusCode(200);
        as("mark")
                .queryParam("businessUnit", "Support")
                .when()
                .get("/api/training/recertifications")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as("alice").when().get("/api/training/recertifications").then().statusCode(403);
        as("erin").when().get("/api/training/recertifications").then().statusCode(403);
        as("adam").when().get("/api/training/recertifications").then().statusCode(200);
        given().when().get("/api/training/recertifications").then().statusCode(401);
        as(HR).queryParam("status", "valid")
                .when()
                .get("/api/training/recertifications")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("status"));
        as(HR).queryParam("within", 400)
                .when()
                .get("/api/training/recertifications")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("within"));
        as(HR).queryParam("size", 501)
                .when()
                .get("/api/training/recertifications")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("size"));
    }
}
