package io.uptake.feedback.celebration;

import static io.restassured.RestAssured.given;
import static io.uptake.feedback.support.Items.ITEMS;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.uptake.feedback.item.Status;
import io.uptake.feedback.support.Items;
import io.uptake.testsupport.PackagedService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the packaged feedback-service while items are being moved to IMPLEMENTED, then a restart:
 * every accepted transition still reaches every inbox, the feed and the webhook, and each person gets
 * one notification per celebration, not two.
 */
class CelebrationCrashIT {

    private static final int ITEM_COUNT = 30;
    private static final int KILL_AFTER = 12;
    private static final Duration WITHIN = Duration.ofSeconds(90);

    private final PackagedService service = new PackagedService(
            "feedback-service",
            "feedback_test",
            Map.of(
                    "UPTAKE_TOPICS_FEEDBACK_EVENTS", "test.uptake.feedback-events.crash",
                    "UPTAKE_TOPICS_DIGESTS", "test.uptake.digests.crash",
                    "UPTAKE_WEBHOOKS_INITIAL_BACKOFF", "200ms",
                    "UPTAKE_WEBHOOKS_POLL_INTERVAL", "100ms",
                    // the %test key and allow-list of application.properties: this app runs the prod profile
                    "UPTAKE_WEBHOOKS_SECRET_KEY", "ZGV2LWFuZC10ZXN0LW9ubHktd2ViaG9vay1rZXktMzI=",
                    "UPTAKE_WEBHOOKS_ALLOWED_INTERNAL_HOSTS", WebhookReceiver.HOST),
            List.of(),
            Path.of("target", "feedback-service-crash-it.log"));

    @AfterEach
    void stop() throws InterruptedException {
        service.stop();
    }

    @Test
    void acceptedCelebrationsSurviveAKillAndReachEveryoneOnce() throws Exception {
        service.start();
        RestAssured.baseURI = "http://localhost";
        RestAssured.port = service.port();
        String admin = accessToken("adam");
        String alice = accessToken("alice");
        String bob = accessToken("bob");
        String carol = accessToken("carol");
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
            List<Long> items = new ArrayList<>();
            for (int i = 0; i < ITEM_COUNT; i++) {
                long id = Items.submit(alice, "Crash " + i + " " + UUID.randomUUID());
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
                Items.advanceTo(admin, id, Status.IN_PROGRESS);
                items.add(id);
            }

            Set<Long> accepted = ConcurrentHashMap.newKeySet();
            Thread implementing = Thread.ofVirtual().start(() -> {
                for (long id : items) {
                    try {
                        int status = given().auth()
                                .oauth2(admin)
                                .contentType(ContentType.JSON)
                                .body(Map.of("to", "IMPLEMENTED"))
                                .when()
                                .post(ITEMS + "/" + id + "/transitions")
                                .then()
                                .extract()
                                .statusCode();
                        if (status == 200) {
                            accepted.add(id);
                        }
                    } catch (Exception serviceGone) { // RestAssured rethrows the socket's IOException undeclared
                        return;
                    }
                }
            });
            await().atMost(WITHIN).until(() -> accepted.size() >= KILL_AFTER);
            service.kill();
            implementing.join();
            assertThat(accepted).as("the kill came before the last transition").hasSizeLessThan(ITEM_COUNT);

            service.start();
            RestAssured.port = service.port();
            for (long id : items) {
                String status = given().auth()
                        .oauth2(admin)
                        .when()
                        .get(ITEMS + "/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("status");
                if (status.equals("IN_PROGRESS")) {
                    assertThat(accepted)
                            .as("an accepted transition was lost: item " + id)
                            .doesNotContain(id);
                    Items.move(admin, id, Status.IMPLEMENTED, null);
                }
            }

            await().atMost(WITHIN)
                    .until(() -> implementedNotifications(alice, items) == ITEM_COUNT
                            && implementedNotifications(bob, items) == ITEM_COUNT
                            && implementedNotifications(carol, items) == ITEM_COUNT);
            await().atMost(WITHIN).until(() -> celebrated(items) == ITEM_COUNT);
            await().atMost(WITHIN).until(() -> items.stream().allMatch(id -> receiver.calledFor(id)));
            // settled: the counts hold, nothing arrives twice later
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(10))
                    .until(() ->
                            implementedNotifications(alice, items) == ITEM_COUNT && celebrated(items) == ITEM_COUNT);

            for (String token : List.of(alice, bob, carol)) {
                Map<Long, Long> perItem = implementedNotificationsPerItem(token, items);
                assertThat(perItem).hasSize(ITEM_COUNT);
                assertThat(perItem.values())
                        .as("one notification per person and celebration")
                        .containsOnly(1L);
            }
            assertThat(celebrated(items)).isEqualTo(ITEM_COUNT);
            JsonPath deliveries = given().auth()
                    .oauth2(admin)
                    .queryParam("size", 200)
                    .when()
                    .get("/api/feedback/webhooks/" + hook + "/deliveries")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(deliveries.getList("items.findAll { it.succeeded }.eventId").stream()
                            .distinct()
                            .count())
                    .isEqualTo(ITEM_COUNT);
            given().auth()
                    .oauth2(admin)
                    .when()
                    .delete("/api/feedback/webhooks/" + hook)
                    .then()
                    .statusCode(204);
        }
    }

    private static long implementedNotifications(String token, List<Long> items) {
        return implementedNotificationsPerItem(token, items).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    private static Map<Long, Long> implementedNotificationsPerItem(String token, List<Long> items) {
        List<Map<String, Object>> inbox = given().auth()
                .oauth2(token)
                .queryParam("size", 200)
                .when()
                .get("/api/feedback/notifications")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.findAll { it.kind == 'feedback.implemented' }");
        return inbox.stream()
                .map(notification -> ((Number) notification.get("itemId")).longValue())
                .filter(items::contains)
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
    }

    private static long celebrated(List<Long> items) {
        List<Integer> feed = given().auth()
                .oauth2(accessToken("erin"))
                .queryParam("size", 200)
                .when()
                .get("/api/feedback/celebrations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.itemId", Integer.class);
        return feed.stream().map(Integer::longValue).filter(items::contains).count();
    }
}
