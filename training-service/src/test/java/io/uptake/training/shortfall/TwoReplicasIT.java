package io.uptake.training.shortfall;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.uptake.testsupport.LocalInfrastructure;
import io.uptake.testsupport.PackagedService;
import io.uptake.testsupport.RawRecords;
import io.uptake.training.support.Catalogue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of training-service on one database, one shortfall topic and one consumer group, as
 * {@code k8s/} runs them: each shortfall, sent twice, becomes one assignment; the overdue check, which
 * both replicas tick, runs once per period for the two together, and marks an assignment past its date.
 */
class TwoReplicasIT {

    private static final String SHORTFALLS = "test.uptake.adoption-shortfalls.replicas";
    private static final int PEOPLE = 6;
    private static final Duration CHECK = Duration.ofMillis(500);
    private static final java.util.regex.Pattern OVERDUE_RUNS =
            java.util.regex.Pattern.compile("uptake_scheduled_runs_total\\{job=\"overdue-check\",?}\\s+([0-9.E]+)");

    private final List<PackagedService> replicas = List.of(replica("a"), replica("b"));

    private static PackagedService replica(String name) {
        return new PackagedService(
                "training-service",
                "training_test",
                Map.of(
                        "UPTAKE_TOPICS_ADOPTION_SHORTFALLS",
                        SHORTFALLS,
                        "UPTAKE_TOPICS_PEOPLE",
                        "test.uptake.people.replicas",
                        "UPTAKE_TOPICS_TRAINING_EVENTS",
                        "test.uptake.training-events.replicas",
                        "UPTAKE_TOPICS_FOLLOW_UP_ACTIONS",
                        "test.uptake.follow-up-actions.replicas",
                        "UPTAKE_ASSIGNMENTS_OVERDUE_CHECK_MS",
                        String.valueOf(CHECK.toMillis())),
                List.of(),
                Path.of("target", "training-service-replica-" + name + ".log"));
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (PackagedService replica : replicas) {
            replica.stop();
        }
    }

    @Test
    void eachShortfallBecomesOneAssignmentAndTheOverdueCheckRunsOncePerPeriod() throws Exception {
        for (PackagedService replica : replicas) {
            replica.start();
        }
        RestAssured.baseURI = "http://localhost";
        RestAssured.port = replicas.get(0).port();
        String unit = Catalogue.unique("Replicas");
        String skill = Catalogue.skill();
        Catalogue.single(skill, 2);
        String testId = Catalogue.test(Map.of(skill, 1), 70, 0, List.of(unit));

        List<String> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            String userId = Catalogue.unique("replica");
            people.add(userId);
            String notice = """
                    {"userId":"%s","businessUnit":"%s","jobRole":"sales-rep","period":"WEEK","from":"2026-11-16",
                     "to":"2026-11-22","status":"BELOW","score":40,"gap":60,"missed":[]}""".formatted(userId, unit);
            // delivered twice, as a producer retry would
            RawRecords.send(LocalInfrastructure.kafkaBootstrap(), SHORTFALLS, userId, notice, notice);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        people.stream().allMatch(person -> assignmentsOf(person).size() >= 1));
        // and for 3 s more no second assignment comes, from the other replica or the repeat
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() ->
                        people.stream().allMatch(person -> assignmentsOf(person).size() == 1));
        for (String person : people) {
            List<Map<String, Object>> assignments = assignmentsOf(person);
            assertThat(assignments).as("assignments of %s", person).hasSize(1);
            assertThat(assignments.getFirst().get("testId")).isEqualTo(testId);
        }

        // both replicas tick every 500 ms; together they run the overdue check once per 500 ms slot
        double before = overdueRuns();
        long began = System.nanoTime();
        Thread.sleep(6_000); // a fixed window of about 12 slots: what is counted in it is the measurement
        double runs = overdueRuns() - before;
        long slots = (System.nanoTime() - began) / CHECK.toNanos();
        assertThat(runs)
                .as("overdue checks run by the two replicas in %d slots", slots)
                .isBetween(slots / 2.0, slots + 2.0);

        // the first person's assignment falls due yesterday
        String assignment = (String) assignmentsOf(people.getFirst()).getFirst().get("id");
        given().auth()
                .oauth2(accessToken(Catalogue.HR))
                .contentType("application/json")
                .body(Map.of("dueOn", java.time.LocalDate.now().minusDays(1).toString()))
                .when()
                .patch("/api/training/assignments/" + assignment)
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "OVERDUE"
                        .equals(assignmentsOf(people.getFirst()).getFirst().get("status")));
        assertThat(assignmentsOf(people.getFirst())).hasSize(1);
    }

    /** The overdue checks both replicas have run so far (uptake.scheduled.runs). */
    private double overdueRuns() throws Exception {
        double total = 0;
        for (PackagedService replica : replicas) {
            String metrics = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(
                                            java.net.URI.create(replica.managementUrl() + "/q/metrics"))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body();
            java.util.regex.Matcher runs = OVERDUE_RUNS.matcher(metrics);
            total += runs.find() ? Double.parseDouble(runs.group(1)) : 0;
        }
        return total;
    }

    private static List<Map<String, Object>> assignmentsOf(String userId) {
        JsonPath page = given().auth()
                .oauth2(accessToken(Catalogue.HR))
                .queryParam("userId", userId)
                .queryParam("size", 50)
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return page.getList("items");
    }
}
