package io.uptake.feedback.item;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.uptake.feedback.support.Items;
import io.uptake.testsupport.LocalOutages;
import io.uptake.testsupport.PackagedService;
import io.uptake.testsupport.SteadyWrites;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * While Kafka is away the packaged service stays ready, reads and takes feedback (the events wait in
 * the outbox); while PostgreSQL is away it stays ready and alive and answers 503 with Retry-After; and
 * SIGTERM ends it within 10 s in both cases.
 */
// stops PostgreSQL or Kafka, which every module's tests share: ./uptake test runs the outage ITs alone, one at a time
@Tag("outage")
class OutageIT {

    private static final Duration SHUTDOWN_BOUND = Duration.ofSeconds(10);

    private final PackagedService service = new PackagedService(
            "feedback-service",
            "feedback_test",
            Map.of(
                    "UPTAKE_TOPICS_FEEDBACK_EVENTS", "test.uptake.feedback-events.outage",
                    "UPTAKE_TOPICS_DIGESTS", "test.uptake.digests.outage",
                    // the %test key of application.properties: this app runs the prod profile
                    "UPTAKE_WEBHOOKS_SECRET_KEY", "ZGV2LWFuZC10ZXN0LW9ubHktd2ViaG9vay1rZXktMzI="),
            List.of(),
            Path.of("target", "feedback-service-outage-it.log"));

    @AfterEach
    void restore() throws InterruptedException {
        service.stop();
        LocalOutages.restore();
    }

    @Test
    void aSigtermUnderLoadEndsWithin10SecondsAndEveryAcceptedItemIsKept() throws Exception {
        service.start();
        RestAssured.baseURI = "http://localhost";
        RestAssured.port = service.port();
        String alice = accessToken("alice");
        String run = UUID.randomUUID().toString().substring(0, 8);
        SteadyWrites.Terminated stopped =
                SteadyWrites.terminateUnderLoad(service, Items.ITEMS, alice, i -> """
                {"kind":"IDEA","title":"Under SIGTERM %s %d","description":"Written while stopping","area":"reports"}""".formatted(run, i), 20);
        assertThat(stopped.exit()).as("exit after SIGTERM under load").isLessThanOrEqualTo(SHUTDOWN_BOUND);
        List<String> accepted = stopped.accepted();
        service.start();
        RestAssured.port = service.port();
        assertThat(accepted).hasSizeGreaterThanOrEqualTo(20);
        for (String answer : accepted) {
            io.restassured.path.json.JsonPath item = io.restassured.path.json.JsonPath.from(answer);
            given().auth()
                    .oauth2(alice)
                    .when()
                    .get(Items.ITEMS + "/" + item.getLong("id"))
                    .then()
                    .statusCode(200)
                    .body("title", equalTo(item.getString("title")));
        }
    }

    @Test
    void withKafkaOrPostgresqlAwayTheServiceStaysInTheBalancerAndStopsInTime() throws Exception {
        service.start();
        RestAssured.baseURI = "http://localhost";
        RestAssured.port = service.port();
        String alice = accessToken("alice");
        long before = Items.submit(alice, "Before the outage " + UUID.randomUUID());

        LocalOutages.stop("kafka");
        given().port(service.managementPort())
                .when()
                .get("/q/health/ready")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(alice)
                .when()
                .get(Items.ITEMS + "/" + before)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(alice)
                .queryParam("size", 5)
                .when()
                .get(Items.ITEMS)
                .then()
                .statusCode(200);
        long during = Items.submit(alice, "While Kafka is away " + UUID.randomUUID());
        assertThat(during).isPositive();
        assertThat(service.terminate()).as("exit after SIGTERM with Kafka away").isLessThanOrEqualTo(SHUTDOWN_BOUND);

        service.start();
        RestAssured.port = service.port();
        LocalOutages.stop("postgres");
        given().port(service.managementPort())
                .when()
                .get("/q/health/ready")
                .then()
                .statusCode(200);
        given().port(service.managementPort())
                .when()
                .get("/q/health/live")
                .then()
                .statusCode(200);
        given().port(service.managementPort())
                .when()
                .get("/q/health/group/dependencies")
                .then()
                .statusCode(503)
                .body("checks[0].name", equalTo("postgresql"));
        given().auth()
                .oauth2(alice)
                .when()
                .get(Items.ITEMS + "/" + during)
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"));
        assertThat(service.terminate())
                .as("exit after SIGTERM with PostgreSQL and Kafka away")
                .isLessThanOrEqualTo(SHUTDOWN_BOUND);
    }
}
