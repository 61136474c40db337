package io.uptake.training.assignment;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.uptake.testsupport.LocalOutages;
import io.uptake.testsupport.PackagedService;
import io.uptake.testsupport.SteadyWrites;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * While Kafka is away the packaged service stays ready and assignments can be read; while PostgreSQL
 * is away too, it answers 503 with Retry-After and stays ready; SIGTERM ends it within 10 s.
 */
// stops PostgreSQL or Kafka, which every module's tests share: ./uptake test runs the outage ITs alone, one at a time
@Tag("outage")
class OutageIT {

    private static final Duration SHUTDOWN_BOUND = Duration.ofSeconds(10);

    private final PackagedService service = new PackagedService(
            "training-service",
            "training_test",
            Map.of(
                    "UPTAKE_TOPICS_TRAINING_EVENTS", "test.uptake.training-events.outage",
                    "UPTAKE_TOPICS_PEOPLE", "test.uptake.people.outage",
                    "UPTAKE_TOPICS_ADOPTION_SHORTFALLS", "test.uptake.adoption-shortfalls.outage",
                    "UPTAKE_TOPICS_FOLLOW_UP_ACTIONS", "test.uptake.follow-up-actions.outage"),
            List.of(),
            Path.of("target", "training-service-outage-it.log"));

    @AfterEach
    void restore() throws InterruptedException {
        service.stop();
        LocalOutages.restore();
    }

    @Test
    void aSigtermUnderLoadEndsWithin10SecondsAndEveryAcceptedSkillIsKept() throws Exception {
        service.start();
        RestAssured.baseURI = "http://localhost";
        RestAssured.port = service.port();
        String hana = accessToken("hana");
        String run = "sigterm-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        SteadyWrites.Terminated stopped = SteadyWrites.terminateUnderLoad(
                service,
                "/api/training/skills",
                hana,
                i -> "{\"code\":\"%s-%d\",\"name\":\"Skill %d\"}".formatted(run, i, i),
                20);
        assertThat(stopped.exit()).as("exit after SIGTERM under load").isLessThanOrEqualTo(SHUTDOWN_BOUND);
        List<String> accepted = stopped.accepted();
        service.start();
        RestAssured.port = service.port();
        assertThat(accepted).hasSizeGreaterThanOrEqualTo(20);
        for (String answer : accepted) {
            String code = io.restassured.path.json.JsonPath.from(answer).getString("code");
            given().auth()
                    .oauth2(hana)
                    .when()
                    .get("/api/training/skills/" + code)
                    .then()
                    .statusCode(200)
                    .body("code", equalTo(code));
        }
    }

    @Test
    void withKafkaAwayAssignmentsCanBeReadAndTheServiceStopsInTime() throws Exception {
        service.start();
        RestAssured.baseURI = "http://localhost";
        RestAssured.port = service.port();
        String hana = accessToken("hana");

        LocalOutages.stop("kafka");
        given().port(service.managementPort())
                .when()
                .get("/q/health/ready")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(hana)
                .queryParam("size", 5)
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(200);
        given().auth().oauth2(hana).when().get("/api/training/tests").then().statusCode(200);

        LocalOutages.stop("postgres");
        given().port(service.managementPort())
                .when()
                .get("/q/health/ready")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(hana)
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"));
        assertThat(service.terminate())
                .as("exit after SIGTERM with Kafka and PostgreSQL away")
                .isLessThanOrEqualTo(SHUTDOWN_BOUND);
    }
}
