package io.uptake.feedback.anonymous;

import static io.restassured.RestAssured.given;
import static io.uptake.feedback.support.Items.ITEMS;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.uptake.feedback.celebration.WebhookReceiver;
import io.uptake.feedback.event.FeedbackEvent;
import io.uptake.feedback.item.Status;
import io.uptake.feedback.support.Items;
import io.uptake.feedback.support.LiveStream;
import io.uptake.testsupport.EventContracts;
import io.uptake.testsupport.TopicReader;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An anonymous item, from submission to celebration, with real tokens, Kafka and webhook receivers: alice (Sales
 * EMEA) is in no answer another employee (bob) or an admin (adam) gets, no webhook body of any format, no record on
 * the topic; and alice still sees it as hers and gets every notification and the celebration.
 */
@QuarkusTest
class AnonymousItemTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String SUBMITTER = "alice";
    private static final String SUBMITTERS_UNIT = "Sales EMEA";
    /** alice's display name (her token's name claim) */
    private static final String SUBMITTERS_NAME = "Alice Andersen";

    @TestHTTPResource("/api/feedback/celebrations/stream")
    URI stream;

    private final Pool pool;

    AnonymousItemTest(Pool pool) {
        this.pool = pool;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void nobodyButTheSubmitterLearnsWhoSentAnAnonymousItem() throws Exception {
        String alice = accessToken(SUBMITTER);
        String bob = accessToken("bob");
        String admin = accessToken("adam");
        String marker = "anon" + letters();
        List<WebhookReceiver> receivers = new ArrayList<>();
        List<Integer> hooks = new ArrayList<>();
        try {
            for (String format : List.of("generic", "slack", "teams")) {
                WebhookReceiver receiver = new WebhookReceiver(0);
                receivers.add(receiver);
                hooks.add(given().auth()
                        .oauth2(admin)
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "url",
                                receiver.url(),
                                "format",
                                format,
                                "events",
                                List.of(FeedbackEvent.STATUS_CHANGED, FeedbackEvent.IMPLEMENTED)))
                        .when()
                        .post("/api/feedback/webhooks")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"));
            }
            JsonPath statsBefore = stats(admin);
            List<String> othersStream = LiveStream.listen(stream, accessToken("erin"));
            List<String> submittersStream = LiveStream.listen(stream, alice);

            long id = ((Number) given().auth()
                            .oauth2(alice)
                            .contentType(ContentType.JSON)
                            .body(Map.of(
                                    "kind",
                                    "IDEA",
                                    "title",
                                    "Quietly " + marker,
                                    "description",
                                    "An idea I would rather not sign",
                                    "area",
                                    "reports",
                                    "anonymous",
                                    true))
                            .when()
                            .post(ITEMS)
                            .then()
                            .statusCode(201)
                            .body("anonymous", equalTo(true))
                            .body("submittedBy", equalTo(SUBMITTER))
                            .body("submitterName", equalTo(SUBMITTERS_NAME))
                            .body("businessUnit", nullValue())
                            .extract()
                            .path("id"))
                    .longValue();
            given().auth()
                    .oauth2(alice)
                    .contentType(ContentType.JSON)
                    .body(Map.of("body", "More detail from me"))
                    .when()
                    .post(ITEMS + "/" + id + "/comments")
                    .then()
                    .statusCode(201)
                    .body("author", equalTo(SUBMITTER))
                    .body("authorName", equalTo(SUBMITTERS_NAME))
                    .body("anonymous", equalTo(true));
            given().auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(Map.of("body", "Thanks, we will look"))
                    .when()
                    .post(ITEMS + "/" + id + "/comments")
                    .then()
                    .statusCode(201);

            // the submitter sees it as theirs: the item, and their own list
            given().auth()
                    .oauth2(alice)
                    .when()
                    .get(ITEMS + "/" + id)
                    .then()
                    .statusCode(200)
                    .body("submittedBy", equalTo(SUBMITTER))
                    .body("submitterName", equalTo(SUBMITTERS_NAME))
                    .body("anonymous", equalTo(true));
            given().auth()
                    .oauth2(alice)
                    .queryParam("mine", true)
                    .queryParam("q", marker)
                    .when()
                    .get(ITEMS)
                    .then()
                    .statusCode(200)
                    .body("total", equalTo(1))
                    .body("items[0].submittedBy", equalTo(SUBMITTER))
                    .body("items[0].submitterName", equalTo(SUBMITTERS_NAME));

            for (String other : List.of(bob, admin)) {
                String item = given().auth()
                        .oauth2(other)
                        .when()
                        .get(ITEMS + "/" + id)
                        .then()
                        .statusCode(200)
                        .body("anonymous", equalTo(true))
                        .body("submittedBy", nullValue())
                        .body("submitterName", nullValue())
                        .body("businessUnit", nullValue())
                        .extract()
                        .asString();
                assertNoSubmitter(item);
                String searched = given().auth()
                        .oauth2(other)
                        .queryParam("q", marker)
                        .when()
                        .get(ITEMS)
                        .then()
                        .statusCode(200)
                        .body("total", equalTo(1))
                        .body("items[0].id", equalTo((int) id))
                        .body("items[0].submittedBy", nullValue())
                        .body("items[0].submitterName", nullValue())
                        .extract()
                        .asString();
                assertNoSubmitter(searched);
                String listed = given().auth()
                        .oauth2(other)
                        .queryParam("size", 200)
                        .when()
                        .get(ITEMS)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getString("items.find { it.id == " + id + " }.submittedBy");
                assertThat(listed).isNull();
                JsonPath comments = given().auth()
                        .oauth2(other)
                        .when()
                        .get(ITEMS + "/" + id + "/comments")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                assertNoSubmitter(comments.prettify());
                assertThat(comments.getList("items.author")).containsExactly(null, "adam");
                assertThat(comments.getList("items.authorName")).containsExactly(null, "Adam Adler");
                assertThat(comments.getList("items.anonymous", Boolean.class)).containsExactly(true, false);
            }
            given().auth()
                    .oauth2(alice)
                    .when()
                    .get(ITEMS + "/" + id + "/comments")
                    .then()
                    .statusCode(200)
                    .body("items[0].author", equalTo(SUBMITTER))
                    .body("items[0].authorName", equalTo(SUBMITTERS_NAME));
            assertNoSubmitter(given().auth()
                    .oauth2(bob)
                    .when()
                    .put(ITEMS + "/" + id + "/vote")
                    .then()
                    .statusCode(200)
                    .body("votes", equalTo(1))
                    .extract()
                    .asString());
            assertNoSubmitter(given().auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(Map.of("to", "ACKNOWLEDGED", "note", "seen"))
                    .when()
                    .post(ITEMS + "/" + id + "/transitions")
                    .then()
                    .statusCode(200)
                    .body("submittedBy", nullValue())
                    .extract()
                    .asString());
            for (Status next : List.of(Status.UNDER_REVIEW, Status.PLANNED, Status.IN_PROGRESS, Status.IMPLEMENTED)) {
                Items.move(admin, id, next, "on to " + next);
            }

            // the submitter hears of every move and of the celebration
            await().atMost(WITHIN)
                    .until(() -> notifications(alice, id, FeedbackEvent.STATUS_CHANGED) == 4
                            && notifications(alice, id, FeedbackEvent.IMPLEMENTED) == 1);
            await().atMost(WITHIN)
                    .until(() -> streamedAbout(othersStream, id).size() == 1
                            && streamedAbout(submittersStream, id).size() == 1);
            assertThat(streamedAbout(submittersStream, id).getFirst())
                    .contains("\"submittedBy\":\"alice\"")
                    .contains("\"submitterName\":\"" + SUBMITTERS_NAME + "\"");
            String othersLine = streamedAbout(othersStream, id).getFirst();
            assertThat(othersLine)
                    .contains("\"submittedBy\":null")
                    .contains("\"submitterName\":null")
                    .contains("\"anonymous\":true");
            assertNoSubmitter(othersLine);
            assertThat(celebration(alice, id).getString("submittedBy")).isEqualTo(SUBMITTER);
            assertThat(celebration(alice, id).getString("submitterName")).isEqualTo(SUBMITTERS_NAME);
            for (String other : List.of(bob, admin)) {
                JsonPath celebrated = celebration(other, id);
                assertThat(celebrated.getString("submittedBy")).isNull();
                assertThat(celebrated.getString("submitterName")).isNull();
                assertThat(celebrated.getString("businessUnit")).isNull();
                assertThat(celebrated.getBoolean("anonymous")).isTrue();
            }

            // stats count the item for no contributor and no unit
            JsonPath statsAfter = stats(admin);
            assertThat(statsAfter.getList("topContributors")).isEqualTo(statsBefore.getList("topContributors"));
            assertThat(statsAfter.getString("businessUnits.find { it.businessUnit == '" + SUBMITTERS_UNIT + "' }"))
                    .isEqualTo(statsBefore.getString(
                            "businessUnits.find { it.businessUnit == '" + SUBMITTERS_UNIT + "' }"));

            // every webhook format got every move, none names the submitter
            String link = "/items/" + id + "\"";
            await().atMost(WITHIN)
                    .until(() -> receivers.stream()
                            .allMatch(receiver -> about(receiver, id, link).size() == 5));
            for (WebhookReceiver receiver : receivers) {
                about(receiver, id, link).forEach(AnonymousItemTest::assertNoSubmitter);
            }
            assertThat(about(receivers.get(0), id, link))
                    .anyMatch(body -> body.contains("\"anonymous\":true") && body.contains("suggested anonymously"));
            assertThat(about(receivers.get(1), id, link)).anyMatch(body -> body.contains("suggested anonymously"));
            assertThat(about(receivers.get(2), id, link)).anyMatch(body -> body.contains("suggested anonymously"));

            // the events other parties read on the topic do not carry the person
            // with the title: the test database starts empty each run (ids start again), the topic does not
            String ours = "\"itemId\":" + id + ",\"title\":\"Quietly " + marker + "\"";
            List<ConsumerRecord<String, String>> published = TopicReader.awaitContaining(
                    ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                    ConfigProvider.getConfig().getValue("uptake.topics.feedback-events", String.class),
                    List.of(
                                    Status.SUBMITTED,
                                    Status.ACKNOWLEDGED,
                                    Status.UNDER_REVIEW,
                                    Status.PLANNED,
                                    Status.IN_PROGRESS)
                            .stream()
                            .map(from -> ours + ",\"from\":\"" + from + "\"")
                            .toArray(String[]::new));
            List<String> events = published.stream().map(ConsumerRecord::value).toList();
            assertThat(events).hasSize(5);
            for (String event : events) {
                EventContracts.assertHolds("uptake.feedback-events", event);
                assertNoSubmitter(event);
                JsonPath fields = JsonPath.from(event);
                assertThat(fields.getBoolean("anonymous")).isTrue();
                assertThat(fields.getString("submittedBy")).isNull();
                assertThat(fields.getString("businessUnit")).isNull();
            }
        } finally {
            for (int hook : hooks) {
                given().auth()
                        .oauth2(admin)
                        .when()
                        .delete("/api/feedback/webhooks/" + hook)
                        .then()
                        .statusCode(204);
            }
            receivers.forEach(WebhookReceiver::close);
        }
    }

    @Test
    void theOverdueListDoesNotNameTheSubmitterNorPutTheItemInTheirManagersUnit() {
        String marker = "anonlate" + letters();
        long id = ((Number) given().auth()
                        .oauth2(accessToken(SUBMITTER))
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "kind",
                                "PROBLEM",
                                "title",
                                "Late " + marker,
                                "description",
                                "d",
                                "area",
                                "reports",
                                "anonymous",
                                true))
                        .when()
                        .post(ITEMS)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
        pool.preparedQuery("update feedback_item set created_at = created_at - interval '8 days' where id = $1")
                .execute(Tuple.of(id))
                .await()
                .atMost(Duration.ofSeconds(10));

        JsonPath overdue = given().auth()
                .oauth2(accessToken("adam"))
                .queryParam("size", 200)
                .when()
                .get("/api/feedback/overdue")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> entry = overdue.getMap("items.find { it.id == " + id + " }");
        assertThat(entry)
                .as("item " + id + " is overdue")
                .isNotNull()
                .containsEntry("submittedBy", null)
                .containsEntry("submitterName", null);
        assertNoSubmitter(toJson(entry));
        given().auth()
                .oauth2(accessToken("mark"))
                .queryParam("size", 200)
                .when()
                .get("/api/feedback/overdue")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) id)));
    }

    @Test
    void anAnonymousFlagThatIsNotABooleanIsA400NamingItAndNothingIsStored() {
        String alice = accessToken(SUBMITTER);
        String marker = "anonbad" + letters();
        given().auth()
                .oauth2(alice)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "kind",
                        "IDEA",
                        "title",
                        "Maybe " + marker,
                        "description",
                        "d",
                        "area",
                        "reports",
                        "anonymous",
                        "perhaps"))
                .when()
                .post(ITEMS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("anonymous"));
        given().auth()
                .oauth2(alice)
                .queryParam("q", marker)
                .when()
                .get(ITEMS)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    private static void assertNoSubmitter(String answer) {
        assertThat(answer)
                .doesNotContain(SUBMITTER)
                .doesNotContain(SUBMITTERS_UNIT)
                .doesNotContain(SUBMITTERS_NAME);
    }

    private static List<String> about(WebhookReceiver receiver, long id, String link) {
        return receiver.calls().stream()
                .filter(call -> call.status() == 200 && call.body().contains(link))
                .map(WebhookReceiver.Call::body)
                .toList();
    }

    private static List<String> streamedAbout(List<String> lines, long id) {
        return lines.stream()
                .filter(line -> line.contains("\"itemId\":" + id + ","))
                .toList();
    }

    private static JsonPath celebration(String token, long id) {
        JsonPath feed = given().auth()
                .oauth2(token)
                .queryParam("size", 200)
                .when()
                .get("/api/feedback/celebrations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> found = feed.getMap("items.find { it.itemId == " + id + " }");
        assertThat(found).as("the celebration of item " + id).isNotNull();
        return JsonPath.from(toJson(found));
    }

    private static String toJson(Map<String, Object> map) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(map);
        } catch (com.fasterxml.jackson.core.JsonProcessingException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static JsonPath stats(String token) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/feedback/stats")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
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

    private static String letters() {
        StringBuilder letters = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").toCharArray()) {
            letters.append((char) ('a' + Character.digit(c, 16)));
        }
        return letters.substring(0, 12);
    }
}
