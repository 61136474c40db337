package io.uptake.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.uptake.gateway.support.AllServices;
import io.uptake.testsupport.KeycloakTokens;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Closing the loop across the packaged services, through the gateway and the real Kafka: a training action a
 * manager agrees in a follow-up (metrics-service) becomes one training assignment (training-service).
 */
@QuarkusTest
@WithTestResource(AllServices.class)
class FollowUpAcrossServicesTest {

    @Test
    void aTrainingAgreedInAFollowUpIsAssignedOnceByTrainingService() {
        String hr = KeycloakTokens.cachedAccessToken("hana");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String skill = "loop-" + suffix;
        given().auth()
                .oauth2(hr)
                .contentType(ContentType.JSON)
                .body(Map.of("code", skill, "name", "Closing the loop " + suffix))
                .when()
                .post("/api/training/skills")
                .then()
                .statusCode(201);
        String module = given().auth()
                .oauth2(hr)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "title",
                        "Pipeline basics " + suffix,
                        "skills",
                        List.of(skill),
                        "mode",
                        "ELEARNING",
                        "durationMinutes",
                        30))
                .when()
                .post("/api/training/modules")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String person = "loop-" + suffix;
        given().auth()
                .oauth2(KeycloakTokens.cachedAccessToken("adam"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "displayName", "Loop " + suffix,
                        "businessUnit", "Sales EMEA",
                        "jobRole", "sales-rep",
                        "managerId", "mark"))
                .when()
                .put("/api/metrics/people/" + person)
                .then()
                .statusCode(201);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String followUp = given().auth()
                .oauth2(KeycloakTokens.cachedAccessToken("mark"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "metOn",
                        today.toString(),
                        "rootCause",
                        "training",
                        "notes",
                        "never saw the pipeline view",
                        "action",
                        Map.of(
                                "kind",
                                "training",
                                "skill",
                                skill,
                                "dueOn",
                                today.plusDays(14).toString())))
                .when()
                .post("/api/metrics/people/" + person + "/follow-ups")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(followUp).isNotBlank();

        await("the agreed training assigned by training-service")
                .atMost(Duration.ofSeconds(60))
                .until(() -> assignments(hr, person).getList("items").size() == 1);
        JsonPath assigned = assignments(hr, person);
        assertThat(assigned.getString("items[0].kind")).isEqualTo("TRAINING");
        assertThat(assigned.getString("items[0].skill")).isEqualTo(skill);
        assertThat(assigned.getString("items[0].moduleId")).isEqualTo(module);
        assertThat(assigned.getString("items[0].reason.kind")).isEqualTo("FOLLOW_UP");
        assertThat(assigned.getString("items[0].assignedBy")).isEqualTo("mark");
        assertThat(assigned.getString("items[0].dueOn"))
                .isEqualTo(today.plusDays(14).toString());
        // nothing more arrives for it
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> assignments(hr, person).getList("items").size() == 1);
    }

    private static JsonPath assignments(String hr, String person) {
        return given().auth()
                .oauth2(hr)
                .queryParam("userId", person)
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
