package io.uptake.training.shortfall;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static io.uptake.training.support.Catalogue.HR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.uptake.testsupport.DeadLetters;
import io.uptake.training.messaging.UpstreamProbe;
import io.uptake.training.support.Catalogue;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A shortfall from the real Kafka assigns the relevant test once, however often it is delivered; HR sees why. */
@QuarkusTest
class ShortfallConsumerTest {

    private final UpstreamProbe upstream;
    private final Pool pool;

    ShortfallConsumerTest(UpstreamProbe upstream, Pool pool) {
        this.upstream = upstream;
        this.pool = pool;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String notice(String userId, String unit, String period, String from, String to) {
        return """
                {"userId":"%s","businessUnit":"%s","jobRole":"sales-rep","period":"%s","from":"%s","to":"%s",
                 "status":"BELOW","score":40,"gap":60,"missed":[]}""".formatted(userId, unit, period, from, to);
    }

    private boolean processed(String key) {
        return pool.preparedQuery("select 1 from processed_event where event_key = $1")
                        .execute(Tuple.of(key))
                        .await()
                        .atMost(Duration.ofSeconds(10))
                        .size()
                == 1;
    }

    private static JsonPath assignmentsOf(String userId) {
        return given().auth()
                .oauth2(accessToken(HR))
                .queryParam("userId", userId)
                .queryParam("size", 500)
                .when()
                .get("/api/training/assignments")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aShortfallDeliveredTwiceAssignsTheRelevantTestOnce() {
        String unit = Catalogue.unique("Unit");
        String userId = Catalogue.unique("short");
        String skill = Catalogue.skill();
        Catalogue.single(skill, 2);
        String relevant = Catalogue.test(Map.of(skill, 1), 70, 0, List.of(unit));

        String week = notice(userId, unit, "WEEK", "2026-11-16", "2026-11-22");
        upstream.shortfall(userId, week);
        upstream.shortfall(userId, week);
        // then another period of the same person (same key, so the same partition: handled after both)
        upstream.shortfall(userId, notice(userId, unit, "MONTH", "2026-10-01", "2026-10-31"));

        await().atMost(Duration.ofSeconds(60)).until(() -> processed("shortfall:" + userId + ":MONTH:2026-10-01"));
        assertThat(processed("shortfall:" + userId + ":WEEK:2026-11-16")).isTrue();

        JsonPath assignments = assignmentsOf(userId);
        assertThat(assignments.getList("items")).hasSize(1);
        assertThat(assignments.getString("items[0].kind")).isEqualTo("TEST");
        assertThat(assignments.getString("items[0].testId")).isEqualTo(relevant);
        assertThat(assignments.getString("items[0].businessUnit")).isEqualTo(unit);
        assertThat(assignments.getString("items[0].reason.kind")).isEqualTo("SHORTFALL");
        assertThat(assignments.getString("items[0].reason.detail")).contains("WEEK 2026-11-16 to 2026-11-22");
    }

    @Test
    void unusableShortfallsAreDeadLetteredWithTheReasonAndTheNextOneIsHandled() {
        String unit = Catalogue.unique("Unit");
        String userId = Catalogue.unique("short");
        String skill = Catalogue.skill();
        Catalogue.single(skill, 2);
        Catalogue.test(Map.of(skill, 1), 70, 0, List.of(unit));

        // same key, so the same partition: the good one is handled after the three bad ones
        String notJson = "not json at all " + userId;
        String wrongShape = "{\"hello\":\"" + userId + "\"}";
        String tooLong = "x".repeat(150) + userId.substring(userId.length() - 8);
        upstream.shortfall(userId, notJson);
        upstream.shortfall(userId, wrongShape);
        upstream.shortfall(userId, notice(tooLong, unit, "WEEK", "2026-11-16", "2026-11-22"));
        upstream.shortfall(userId, notice(userId, unit, "WEEK", "2026-11-16", "2026-11-22"));

        await().atMost(Duration.ofSeconds(60)).until(() -> processed("shortfall:" + userId + ":WEEK:2026-11-16"));
        assertThat(assignmentsOf(userId).getList("items")).hasSize(1);

        List<DeadLetters.DeadLetter> dead = DeadLetters.awaitHolding(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConfigProvider.getConfig().getValue("uptake.topics.adoption-shortfalls", String.class) + ".dead-letter",
                notJson,
                wrongShape,
                tooLong);
        assertThat(dead).extracting(DeadLetters.DeadLetter::key).containsOnly(userId);
        assertThat(DeadLetters.reasonFor(dead, notJson)).contains("not a shortfall notice");
        assertThat(DeadLetters.reasonFor(dead, wrongShape)).contains("needs a userId");
        assertThat(DeadLetters.reasonFor(dead, tooLong)).contains("value too long");
    }
}
