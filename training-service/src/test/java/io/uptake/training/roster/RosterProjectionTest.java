package io.uptake.training.roster;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static io.uptake.training.support.Catalogue.HR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.uptake.training.messaging.UpstreamProbe;
import io.uptake.training.support.Catalogue;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The roster arrives from the real Kafka ({@code training-test.uptake.people}) and drives HR's bulk assignment by business unit and job role. */
@QuarkusTest
class RosterProjectionTest {

    private final UpstreamProbe upstream;

    RosterProjectionTest(UpstreamProbe upstream) {
        this.upstream = upstream;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private void publish(String userId, String unit, String role, boolean active, OffsetDateTime updatedAt) {
        upstream.person(userId, """
                {"userId":"%s","displayName":"Person %s","email":"%s@example.com","businessUnit":"%s","jobRole":"%s",
                 "managerId":null,"executive":false,"active":%s,"updatedAt":"%s"}""".formatted(userId, userId, userId, unit, role, active, updatedAt));
    }

    private static List<String> peopleOf(String unit) {
        return given().auth()
                .oauth2(accessToken(HR))
                .queryParam("businessUnit", unit)
                .queryParam("size", 500)
                .when()
                .get("/api/training/competency")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("people.userId");
    }

    @Test
    void peopleFromKafkaAreAssignedInBulkByUnitAndRoleOnce() {
        String unit = Catalogue.unique("Unit");
        String run = Catalogue.unique("p");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        publish(run + "-1", unit, "sales-rep", true, now);
        publish(run + "-2", unit, "sales-rep", true, now);
        publish(run + "-3", unit, "sales-manager", true, now);
        publish(run + "-4", unit, "sales-rep", true, now);
        // a later state moves person 4 out of the unit; an older state arriving after it changes nothing
        publish(run + "-4", "Elsewhere", "sales-rep", true, now.plusSeconds(5));
        publish(run + "-4", unit, "sales-rep", true, now.minusSeconds(5));
        // a person who left is inactive
        publish(run + "-5", unit, "sales-rep", false, now);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> assertThat(peopleOf(unit)).containsExactlyInAnyOrder(run + "-1", run + "-2", run + "-3"));

        String skill = Catalogue.skill();
        Catalogue.module(List.of(skill), "ELEARNING");
        Map<String, Object> request =
                Map.of("businessUnit", unit, "jobRole", "sales-rep", "skill", skill, "note", "CRM relaunch");
        given().auth()
                .oauth2(accessToken(HR))
                .contentType(ContentType.JSON)
                .body(request)
                .when()
                .post("/api/training/assignments")
                .then()
                .statusCode(201)
                .body("assigned", equalTo(2))
                .body("alreadyAssigned", equalTo(0))
                .body("assignments.userId.sort()", equalTo(List.of(run + "-1", run + "-2")))
                .body("assignments[0].mode", equalTo("ELEARNING"))
                .body("assignments[0].reason.kind", equalTo("MANUAL"))
                .body("assignments[0].reason.detail", equalTo("CRM relaunch"));
        // open training for the skill is not assigned twice
        given().auth()
                .oauth2(accessToken(HR))
                .contentType(ContentType.JSON)
                .body(request)
                .when()
                .post("/api/training/assignments")
                .then()
                .statusCode(201)
                .body("assigned", equalTo(0))
                .body("alreadyAssigned", equalTo(2));
        given().auth()
                .oauth2(accessToken(HR))
                .queryParam("businessUnit", unit)
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(200)
                .body("total", equalTo(2));
    }
}
