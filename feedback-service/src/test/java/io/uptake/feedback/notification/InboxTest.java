package io.uptake.feedback.notification;

import static io.restassured.RestAssured.given;
import static io.uptake.feedback.support.Items.ITEMS;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.uptake.feedback.event.FeedbackEvent;
import io.uptake.feedback.item.Kind;
import io.uptake.feedback.item.Status;
import io.uptake.feedback.support.Items;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The header's inbox: an answered question reaches its submitter and its followers with the item's title, the unread
 * count, and marking everything read (the caller's own notifications only, and again changes nothing). hana's inbox
 * is this test's alone: no other feedback test signs in as her.
 */
@QuarkusTest
class InboxTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String NOTIFICATIONS = "/api/feedback/notifications";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void anAnsweredQuestionReachesTheSubmitterAndFollowersWithItsTitleAndAllCanBeMarkedRead() {
        String hana = accessToken("hana");
        String erin = accessToken("erin");
        String admin = accessToken("adam");
        String title = "Can quotes be faster? " + UUID.randomUUID();
        long id = Items.submit(hana, Kind.QUESTION, title);
        given().auth()
                .oauth2(erin)
                .when()
                .put(ITEMS + "/" + id + "/follow")
                .then()
                .statusCode(204);
        Items.move(admin, id, Status.ANSWERED, "Yes: use the quote templates\nunder Settings");

        await().atMost(WITHIN)
                .until(() -> about(hana, id).size() == 1 && about(erin, id).size() == 1);
        for (String person : List.of(hana, erin)) {
            Map<String, Object> notification = about(person, id).getFirst();
            assertThat(notification)
                    .containsEntry("kind", FeedbackEvent.STATUS_CHANGED)
                    .containsEntry("title", title)
                    .containsEntry("readAt", null);
            assertThat((String) notification.get("message"))
                    .isEqualTo("\"" + title + "\" moved from SUBMITTED to ANSWERED: Yes: use the quote templates\n"
                            + "under Settings");
            assertThat(notification.get("lines"))
                    .isEqualTo(List.of(
                            "\"" + title + "\" moved from SUBMITTED to ANSWERED: Yes: use the quote templates",
                            "under Settings"));
        }

        long unread = unreadCount(hana);
        assertThat(unread).isGreaterThanOrEqualTo(1).isEqualTo(unreadTotal(hana));
        given().auth()
                .oauth2(hana)
                .when()
                .post(NOTIFICATIONS + "/read-all")
                .then()
                .statusCode(200)
                .body("marked", equalTo((int) unread));
        assertThat(unreadCount(hana)).isZero();
        assertThat(unreadTotal(hana)).isZero();
        assertThat(about(hana, id).getFirst().get("readAt")).isNotNull();
        given().auth()
                .oauth2(hana)
                .when()
                .post(NOTIFICATIONS + "/read-all")
                .then()
                .statusCode(200)
                .body("marked", equalTo(0));

        // another person's inbox is untouched
        assertThat(about(erin, id).getFirst().get("readAt")).isNull();
        given().auth()
                .oauth2(erin)
                .when()
                .get(NOTIFICATIONS + "/unread-count")
                .then()
                .statusCode(200)
                .body("unread", greaterThanOrEqualTo(1));
    }

    @Test
    void theInboxRoutesNeedAPersonsToken() {
        given().when().get(NOTIFICATIONS + "/unread-count").then().statusCode(401);
        given().when().post(NOTIFICATIONS + "/read-all").then().statusCode(401);
        given().auth()
                .oauth2(io.uptake.testsupport.KeycloakTokens.connectorToken())
                .when()
                .get(NOTIFICATIONS + "/unread-count")
                .then()
                .statusCode(403);
    }

    private static long unreadCount(String token) {
        return ((Number) given().auth()
                        .oauth2(token)
                        .when()
                        .get(NOTIFICATIONS + "/unread-count")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("unread"))
                .longValue();
    }

    private static long unreadTotal(String token) {
        return ((Number) given().auth()
                        .oauth2(token)
                        .queryParam("unread", true)
                        .when()
                        .get(NOTIFICATIONS)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("total"))
                .longValue();
    }

    private static List<Map<String, Object>> about(String token, long itemId) {
        JsonPath inbox = given().auth()
                .oauth2(token)
                .queryParam("size", 200)
                .when()
                .get(NOTIFICATIONS)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return inbox.getList("items.findAll { it.itemId == " + itemId + " }");
    }
}
