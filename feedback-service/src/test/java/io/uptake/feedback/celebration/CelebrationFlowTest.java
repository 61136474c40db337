package io.uptake.feedback.celebration;

import static io.restassured.RestAssured.given;
import static io.uptake.feedback.support.Items.ITEMS;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.uptake.feedback.event.FeedbackEvent;
import io.uptake.feedback.item.Status;
import io.uptake.feedback.support.Items;
import io.uptake.feedback.webhook.StandardWebhooksVerifier;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * From IMPLEMENTED to everyone concerned, through the real Kafka: inbox notifications, the feed, the
 * SSE stream and a signed webhook delivery that survives two failures; then the same event again
 * changes nothing.
 */
@QuarkusTest
class CelebrationFlowTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String PROBLEM_JSON = "application/problem+json";

    @TestHTTPResource("/api/feedback/celebrations/stream")
    URI stream;

    private final FeedbackEventReplay replay;
    private final ObjectMapper json;

    CelebrationFlowTest(FeedbackEventReplay replay, ObjectMapper json) {
        this.replay = replay;
        this.json = json;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void anImplementedIdeaReachesEveryoneOnceEvenWhenDeliveredTwice() throws Exception {
        String admin = accessToken("adam");
        String alice = accessToken("alice");
        String bob = accessToken("bob");
        String carol = accessToken("carol");
        try (WebhookReceiver receiver = new WebhookReceiver(2)) {
            JsonPath registered = given().auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "events", List.of("feedback.implemented")))
                    .when()
                    .post("/api/feedback/webhooks")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath();
            int hook = registered.getInt("id");
            String secret = registered.getString("secret");
            try {
                List<String> streamed = listen(accessToken("erin"));

                long id = Items.submit(alice, "Celebrate " + UUID.randomUUID());
                given().auth()
                        .oauth2(bob)
                        .when()
                        .put(ITEMS + "/" + id + "/vote")
                        .then()
                        .statusCode(200);
                given().auth()
                        .oauth2(carol)
                        .when()
                        .put(ITEMS + "/" + id + "/follow")
                        .then()
                        .statusCode(204);
                Items.advanceTo(admin, id, Status.IMPLEMENTED);

                await().atMost(WITHIN)
                        .until(() -> notifications(alice, id, FeedbackEvent.IMPLEMENTED) == 1
                                && notifications(bob, id, FeedbackEvent.IMPLEMENTED) == 1
                                && notifications(carol, id, FeedbackEvent.IMPLEMENTED) == 1);
                await().atMost(WITHIN)
                        .until(() -> notifications(alice, id, FeedbackEvent.STATUS_CHANGED) == 4
                                && notifications(carol, id, FeedbackEvent.STATUS_CHANGED) == 4);
                assertThat(notifications(bob, id, FeedbackEvent.STATUS_CHANGED))
                        .as("a voter hears of the implementation only")
                        .isZero();

                JsonPath celebration = given().auth()
                        .oauth2(bob)
                        .queryParam("size", 200)
                        .when()
                        .get("/api/feedback/celebrations")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                String eventId = celebration.getString("items.find { it.itemId == " + id + " }.id");
                assertThat(eventId).isNotNull();
                assertThat(celebration.getInt("items.find { it.itemId == " + id + " }.votes"))
                        .isEqualTo(1);
                assertThat(celebration.getString("items.find { it.itemId == " + id + " }.submitterName"))
                        .isEqualTo("Alice Andersen");
                await().atMost(WITHIN)
                        .until(() -> streamed.stream()
                                        .filter(line -> line.contains("\"itemId\":" + id + ","))
                                        .count()
                                == 1);

                await().atMost(WITHIN)
                        .until(() -> receiver.calls(eventId).stream().anyMatch(call -> call.status() == 200));
                List<WebhookReceiver.Call> calls = receiver.calls(eventId);
                assertThat(calls).extracting(WebhookReceiver.Call::status).containsExactly(500, 500, 200);
                WebhookReceiver.Call delivered = calls.get(2);
                assertThat(StandardWebhooksVerifier.verifies(
                                secret, delivered.id(), delivered.timestamp(), delivered.body(), delivered.signature()))
                        .as("the delivery verifies as the Standard Webhooks specification says")
                        .isTrue();
                assertThat(JsonPath.from(delivered.body()).getString("text"))
                        .contains("Celebrate")
                        .contains("alice");
                given().auth()
                        .oauth2(admin)
                        .when()
                        .get("/api/feedback/webhooks/" + hook + "/deliveries")
                        .then()
                        .statusCode(200)
                        .body("total", equalTo(3))
                        .body("items[0].succeeded", equalTo(true))
                        .body("items[2].statusCode", equalTo(500));

                FeedbackEvent again = new FeedbackEvent(
                        UUID.fromString(eventId),
                        FeedbackEvent.IMPLEMENTED,
                        id,
                        "Celebrate",
                        "IN_PROGRESS",
                        "IMPLEMENTED",
                        null,
                        "adam",
                        "alice",
                        "Sales EMEA",
                        1,
                        OffsetDateTime.now(),
                        false,
                        null,
                        null);
                replay.send(id, json.writeValueAsString(again));
                replay.send(id, json.writeValueAsString(again));
                FeedbackEvent sentinel = new FeedbackEvent(
                        UUID.randomUUID(),
                        FeedbackEvent.STATUS_CHANGED,
                        id,
                        "Celebrate",
                        "IMPLEMENTED",
                        "IMPLEMENTED",
                        "sentinel",
                        "adam",
                        "alice",
                        "Sales EMEA",
                        1,
                        OffsetDateTime.now(),
                        false,
                        null,
                        null);
                replay.send(id, json.writeValueAsString(sentinel));
                await().atMost(WITHIN).until(() -> notifications(alice, id, FeedbackEvent.STATUS_CHANGED) == 5);
                // the replays were applied before the sentinel (same key, same partition); nothing more may follow from
                // them
                await().during(Duration.ofMillis(1500))
                        .atMost(Duration.ofSeconds(5))
                        .until(() -> receiver.calls(eventId).size() == 3
                                && streamed.stream()
                                                .filter(line -> line.contains("\"itemId\":" + id + ","))
                                                .count()
                                        == 1);

                assertThat(notifications(alice, id, FeedbackEvent.IMPLEMENTED)).isEqualTo(1);
                assertThat(notifications(bob, id, FeedbackEvent.IMPLEMENTED)).isEqualTo(1);
                assertThat(notifications(carol, id, FeedbackEvent.IMPLEMENTED)).isEqualTo(1);
                assertThat(receiver.calls(eventId)).hasSize(3);
                assertThat(streamed.stream()
                                .filter(line -> line.contains("\"itemId\":" + id + ","))
                                .count())
                        .isEqualTo(1);
            } finally {
                given().auth()
                        .oauth2(admin)
                        .when()
                        .delete("/api/feedback/webhooks/" + hook)
                        .then()
                        .statusCode(204);
            }
        }
    }

    @Test
    void aWebhookThatKeepsFailingIsGivenUpAfterTheLastAttempt() throws Exception {
        String admin = accessToken("adam");
        int maxAttempts = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("uptake.webhooks.max-attempts", Integer.class);
        try (WebhookReceiver receiver = new WebhookReceiver(Integer.MAX_VALUE)) {
            int hook = given().auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "events", List.of("feedback.implemented")))
                    .when()
                    .post("/api/feedback/webhooks")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            try {
                long id = Items.submit(accessToken("alice"), "Never heard " + UUID.randomUUID());
                Items.advanceTo(admin, id, Status.IMPLEMENTED);
                await().atMost(WITHIN).until(() -> deliveries(admin, hook).getInt("total") >= maxAttempts);
                // given up: no further attempt during several back-off periods
                await().during(Duration.ofSeconds(3))
                        .atMost(Duration.ofSeconds(6))
                        .until(() -> deliveries(admin, hook).getInt("total") == maxAttempts);
                JsonPath log = deliveries(admin, hook);
                assertThat(log.getInt("total")).isEqualTo(maxAttempts);
                assertThat(log.getList("items.succeeded", Boolean.class)).containsOnly(false);
                assertThat(log.getList("items.attempt", Integer.class))
                        .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, maxAttempts)
                                .boxed()
                                .toList());
            } finally {
                given().auth()
                        .oauth2(admin)
                        .when()
                        .delete("/api/feedback/webhooks/" + hook)
                        .then()
                        .statusCode(204);
            }
        }
    }

    private static JsonPath deliveries(String admin, int hook) {
        return given().auth()
                .oauth2(admin)
                .queryParam("size", 200)
                .when()
                .get("/api/feedback/webhooks/" + hook + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void nobodyReadsOrMarksAnotherPersonsInboxAndOnlyAdminsRegisterWebhooks() {
        String admin = accessToken("adam");
        String alice = accessToken("alice");
        String bob = accessToken("bob");
        long id = Items.submit(alice, "Private " + UUID.randomUUID());
        Items.move(admin, id, Status.ACKNOWLEDGED, "seen");
        await().atMost(WITHIN).until(() -> notifications(alice, id, FeedbackEvent.STATUS_CHANGED) == 1);
        int notification = given().auth()
                .oauth2(alice)
                .queryParam("unread", true)
                .when()
                .get("/api/feedback/notifications")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.itemId == " + id + " }.id");

        given().auth()
                .oauth2(bob)
                .when()
                .post("/api/feedback/notifications/" + notification + "/read")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        assertThat(notifications(bob, id, FeedbackEvent.STATUS_CHANGED)).isZero();
        given().auth()
                .oauth2(alice)
                .when()
                .post("/api/feedback/notifications/" + notification + "/read")
                .then()
                .statusCode(200)
                .body("readAt", org.hamcrest.Matchers.notNullValue());
        given().auth()
                .oauth2(alice)
                .queryParam("unread", true)
                .queryParam("size", 200)
                .when()
                .get("/api/feedback/notifications")
                .then()
                .statusCode(200)
                .body("items.findAll { it.id == " + notification + " }.size()", equalTo(0));

        Map<String, Object> hook =
                Map.of("url", "https://hooks.example.com/hook", "events", List.of("feedback.implemented"));
        given().auth()
                .oauth2(bob)
                .contentType(ContentType.JSON)
                .body(hook)
                .when()
                .post("/api/feedback/webhooks")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        given().auth().oauth2(bob).when().get("/api/feedback/webhooks").then().statusCode(403);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://example", "format", "discord", "events", List.of("feedback.deleted")))
                .when()
                .post("/api/feedback/webhooks")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", org.hamcrest.Matchers.hasItems("url", "format", "events[0]"));
    }

    private static int notifications(String token, long itemId, String kind) {
        return given().auth()
                .oauth2(token)
                .queryParam("size", 200)
                .when()
                .get("/api/feedback/notifications")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.findAll { it.itemId == " + itemId + " && it.kind == '" + kind + "' }")
                .size();
    }

    /** Connects to the celebrations stream and collects its lines in the background. */
    @Test
    void aPersonHoldsAtMostThreeLiveStreamsAndGetsOneBackWhenTheyCloseOne() throws Exception {
        String bob = accessToken("bob");
        HttpClient http = HttpClient.newHttpClient();
        List<InputStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                HttpResponse<InputStream> response = openStream(http, bob);
                assertThat(response.statusCode()).isEqualTo(200);
                open.add(response.body());
            }
            HttpResponse<InputStream> fourth = openStream(http, bob);
            assertThat(fourth.statusCode()).isEqualTo(429);
            assertThat(fourth.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM_JSON));
            assertThat(fourth.headers().firstValue("Retry-After")).isPresent();
            fourth.body().close();
            // another person is not held back by bob's streams
            HttpResponse<InputStream> someoneElse = openStream(http, accessToken("carol"));
            assertThat(someoneElse.statusCode()).isEqualTo(200);
            open.add(someoneElse.body());

            open.removeFirst().close();
            await().atMost(WITHIN).until(() -> {
                HttpResponse<InputStream> again = openStream(http, bob);
                if (again.statusCode() == 200) {
                    open.add(again.body());
                    return true;
                }
                again.body().close();
                return false;
            });
        } finally {
            for (InputStream stream : open) {
                stream.close();
            }
        }
    }

    private HttpResponse<InputStream> openStream(HttpClient http, String token) throws Exception {
        return http.sendAsync(
                        HttpRequest.newBuilder(stream)
                                .header("Authorization", "Bearer " + token)
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream())
                .get(10, TimeUnit.SECONDS);
    }

    private List<String> listen(String token) throws Exception {
        return io.uptake.feedback.support.LiveStream.listen(stream, token);
    }
}
