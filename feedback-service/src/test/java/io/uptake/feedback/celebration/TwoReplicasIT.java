package io.uptake.feedback.celebration;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.uptake.feedback.item.Status;
import io.uptake.feedback.support.Items;
import io.uptake.testsupport.PackagedService;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of feedback-service on one database, one topic and one consumer group, as {@code k8s/}
 * runs them: a live-stream subscriber on each receives every celebration once, whichever replica
 * consumed the event, and each webhook delivery is made once.
 */
class TwoReplicasIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final int ITEMS = 6;

    private final List<PackagedService> replicas = List.of(replica("a"), replica("b"));

    private static PackagedService replica(String name) {
        return new PackagedService(
                "feedback-service",
                "feedback_test",
                Map.of(
                        "UPTAKE_TOPICS_FEEDBACK_EVENTS", "test.uptake.feedback-events.replicas",
                        "UPTAKE_TOPICS_DIGESTS", "test.uptake.digests.replicas",
                        "UPTAKE_WEBHOOKS_POLL_INTERVAL", "100ms",
                        // the %test key and allow-list of application.properties: this app runs the prod profile
                        "UPTAKE_WEBHOOKS_SECRET_KEY", "ZGV2LWFuZC10ZXN0LW9ubHktd2ViaG9vay1rZXktMzI=",
                        "UPTAKE_WEBHOOKS_ALLOWED_INTERNAL_HOSTS", WebhookReceiver.HOST),
                List.of(),
                Path.of("target", "feedback-service-replica-" + name + ".log"));
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (PackagedService replica : replicas) {
            replica.stop();
        }
    }

    @Test
    void everySubscriberOnEitherReplicaGetsEachCelebrationOnceAndEachWebhookCallIsMadeOnce() throws Exception {
        for (PackagedService replica : replicas) {
            replica.start();
        }
        String admin = accessToken("adam");
        String erin = accessToken("erin");
        List<String> onA = listen(replicas.get(0), erin);
        List<String> onB = listen(replicas.get(1), erin);
        RestAssured.baseURI = "http://localhost";
        RestAssured.port = replicas.get(0).port();
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
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
                List<Long> items = new ArrayList<>();
                for (int i = 0; i < ITEMS; i++) {
                    long id = Items.submit(accessToken("alice"), "Two replicas " + i + " " + UUID.randomUUID());
                    Items.advanceTo(admin, id, Status.IMPLEMENTED);
                    items.add(id);
                }
                await().atMost(WITHIN)
                        .until(() -> items.stream().allMatch(id -> count(onA, id) >= 1 && count(onB, id) >= 1));
                await().atMost(WITHIN).until(() -> items.stream().allMatch(receiver::calledFor));
                // and for 3 s more nothing arrives twice (a repeat would come within a few polls)
                await().during(Duration.ofSeconds(3))
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> items.stream()
                                .allMatch(id -> count(onA, id) == 1
                                        && count(onB, id) == 1
                                        && receiver.calls().stream()
                                                        .filter(call ->
                                                                call.body().contains("\"itemId\":" + id + ","))
                                                        .count()
                                                == 1));
                for (long id : items) {
                    assertThat(count(onA, id))
                            .as("item %d on replica a's stream", id)
                            .isEqualTo(1);
                    assertThat(count(onB, id))
                            .as("item %d on replica b's stream", id)
                            .isEqualTo(1);
                    assertThat(receiver.calls().stream()
                                    .filter(call -> call.body().contains("\"itemId\":" + id + ","))
                                    .count())
                            .as("webhook calls about item %d", id)
                            .isEqualTo(1);
                }
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

    private static long count(List<String> lines, long itemId) {
        return lines.stream()
                .filter(line -> line.startsWith("data:") && line.contains("\"itemId\":" + itemId + ","))
                .count();
    }

    private static List<String> listen(PackagedService replica, String token) throws Exception {
        return io.uptake.feedback.support.LiveStream.listen(
                URI.create(replica.baseUrl() + "/api/feedback/celebrations/stream"), token);
    }
}
