package io.uptake.feedback.celebration;

import static io.restassured.RestAssured.given;
import static io.uptake.feedback.support.Items.ITEMS;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.uptake.feedback.item.Status;
import io.uptake.feedback.support.Items;
import io.uptake.testsupport.DeadLetters;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Against the real Kafka: a record the fan-out can never apply (not JSON, JSON of the wrong shape, a value
 * PostgreSQL refuses) lands on the channel's dead-letter topic with the reason, and the next good record on
 * the same partition is applied.
 */
@QuarkusTest
class DeadLetterTest {

    private final FeedbackEventReplay replay;

    DeadLetterTest(FeedbackEventReplay replay) {
        this.replay = replay;
    }

    @Test
    void unusableRecordsAreDeadLetteredWithTheReasonAndTheNextGoodOneIsApplied() {
        String alice = accessToken("alice");
        int id = given().auth()
                .oauth2(alice)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "kind",
                        "IDEA",
                        "title",
                        "Dead letters " + UUID.randomUUID(),
                        "description",
                        "x",
                        "area",
                        "other"))
                .when()
                .post(ITEMS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        String notJson = "not json " + UUID.randomUUID();
        String tooLong = "x".repeat(140) + UUID.randomUUID().toString().substring(0, 12);
        String wrongShape = "{\"hello\":\"" + UUID.randomUUID() + "\"}";
        String refused = """
                {"eventId":"%s","type":"feedback.status-changed","itemId":%d,"title":"t","from":"SUBMITTED","to":"ACKNOWLEDGED",
                 "note":null,"actor":"adam","submittedBy":"%s","businessUnit":"Sales EMEA","votes":0,"at":"%s"}""".formatted(UUID.randomUUID(), id, tooLong, OffsetDateTime.now());
        // same key as the item's own events: one partition, so a stuck record would block the move below
        replay.send(id, notJson);
        replay.send(id, wrongShape);
        replay.send(id, refused);
        Items.move(accessToken("adam"), id, Status.ACKNOWLEDGED, "Seen");

        String moved = "moved from SUBMITTED to ACKNOWLEDGED: Seen";
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given()
                        .auth()
                        .oauth2(alice)
                        .queryParam("size", 200)
                        .when()
                        .get("/api/feedback/notifications")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .<Map<String, Object>>getList("items")
                        .stream()
                        .anyMatch(note -> note.get("itemId") instanceof Number item // a digest is about no item
                                && item.intValue() == id
                                && String.valueOf(note.get("message")).endsWith(moved)));

        List<DeadLetters.DeadLetter> dead = DeadLetters.awaitHolding(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConfigProvider.getConfig().getValue("uptake.topics.feedback-events", String.class) + ".dead-letter",
                notJson,
                wrongShape,
                tooLong);
        assertThat(dead).extracting(DeadLetters.DeadLetter::key).containsOnly(Integer.toString(id));
        assertThat(DeadLetters.reasonFor(dead, notJson)).contains("not a feedback event");
        assertThat(DeadLetters.reasonFor(dead, wrongShape)).contains("needs eventId");
        assertThat(DeadLetters.reasonFor(dead, tooLong)).contains("value too long");
    }
}
