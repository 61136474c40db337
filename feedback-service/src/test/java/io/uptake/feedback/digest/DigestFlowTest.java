package io.uptake.feedback.digest;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.uptake.feedback.celebration.WebhookReceiver;
import io.uptake.feedback.event.FeedbackEvent;
import io.uptake.feedback.item.Status;
import io.uptake.feedback.support.Items;
import io.uptake.feedback.webhook.StandardWebhooksVerifier;
import io.uptake.testsupport.DeadLetters;
import io.uptake.testsupport.RawRecords;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Weekly digests from the real Kafka topic (as metrics-service publishes them) to the recipient's inbox and,
 * a manager's only, to the webhooks subscribed to digest.weekly: once per eventId, with the celebrations of
 * the recipient's own ideas of that week; an unusable record is dead-lettered with its reason.
 */
@QuarkusTest
class DigestFlowTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private final ObjectMapper json;

    DigestFlowTest(ObjectMapper json) {
        this.json = json;
    }

    @Test
    void aManagerDigestDeliveredTwiceReachesTheInboxAndTheDigestWebhookOnce() throws Exception {
        String admin = accessToken("adam");
        String mark = accessToken("mark");
        try (WebhookReceiver digests = new WebhookReceiver(0);
                WebhookReceiver feedbackOnly = new WebhookReceiver(0)) {
            JsonPath registered = register(admin, digests, List.of("digest.weekly"));
            int digestHook = registered.getInt("id");
            int feedbackHook = register(admin, feedbackOnly, List.of("feedback.implemented", "feedback.status-changed"))
                    .getInt("id");
            try {
                UUID eventId = UUID.randomUUID();
                String marker = UUID.randomUUID().toString();
                String text = "Sales EMEA, week " + marker + "\nActive: 12 of 20 (last week 10)\nNew shortfalls: 2";
                String digest = manager(eventId, text);

                RawRecords.send(servers(), topic(), "mark", digest, digest);
                // a later record on the same partition: once it is in the inbox, both copies were handled
                String sentinel = UUID.randomUUID().toString();
                RawRecords.send(
                        servers(), topic(), "mark", employee(UUID.randomUUID(), "mark", thisMonday(), sentinel));
                await().atMost(WITHIN)
                        .until(() -> digestsContaining(mark, sentinel).size() == 1);

                List<Map<String, Object>> inbox = digestsContaining(mark, marker);
                assertThat(inbox).hasSize(1);
                assertThat(inbox.getFirst().get("message")).isEqualTo(text);
                assertThat(inbox.getFirst().get("itemId")).isNull();
                assertThat(inbox.getFirst().get("title")).isNull();
                assertThat(inbox.getFirst().get("lines"))
                        .as("the digest line by line, for a readable inbox")
                        .isEqualTo(List.of(
                                "Sales EMEA, week " + marker, "Active: 12 of 20 (last week 10)", "New shortfalls: 2"));

                await().atMost(WITHIN)
                        .until(() -> digests.calls(eventId.toString()).stream().anyMatch(call -> call.status() == 200));
                await().during(Duration.ofMillis(1500))
                        .atMost(Duration.ofSeconds(5))
                        .until(() -> digests.calls().size() == 1
                                && feedbackOnly.calls().isEmpty());
                WebhookReceiver.Call delivered = digests.calls().getFirst();
                assertThat(delivered.id()).isEqualTo(eventId.toString());
                assertThat(StandardWebhooksVerifier.verifies(
                                registered.getString("secret"),
                                delivered.id(),
                                delivered.timestamp(),
                                delivered.body(),
                                delivered.signature()))
                        .isTrue();
                JsonPath body = JsonPath.from(delivered.body());
                // a channel gets the unit's figures, never the people the inbox names
                assertThat(body.getString("text"))
                        .isEqualTo("Active people: 12 of 20 (the week before: 10)\nMeeting their objectives: 55 % "
                                + "(the week before: 50 %)\nNew shortfalls: 2\nOverdue training: 1");
                assertThat(body.getString("event.eventId")).isEqualTo(eventId.toString());
                assertThat(body.getString("event.type")).isEqualTo("digest.weekly");
                assertThat(body.getInt("event.manager.newShortfalls")).isEqualTo(2);
                assertThat(body.getList("event.manager.shortfallPeople")).isNull();
                assertThat(body.getString("event.recipient")).isNull();
                assertThat(delivered.body()).doesNotContain("alice").doesNotContain("bob");
            } finally {
                deactivate(admin, digestHook);
                deactivate(admin, feedbackHook);
            }
        }
    }

    @Test
    void anEmployeeDigestListsTheirIdeaImplementedThatWeekInTheInboxOnly() throws Exception {
        String admin = accessToken("adam");
        String alice = accessToken("alice");
        try (WebhookReceiver digests = new WebhookReceiver(0)) {
            int hook = register(admin, digests, List.of("digest.weekly")).getInt("id");
            try {
                String title = "Digest idea " + UUID.randomUUID();
                long item = Items.submit(alice, title);
                String quietTitle = "Quiet digest idea " + UUID.randomUUID();
                long quiet = submitAnonymously(alice, quietTitle);
                Items.advanceTo(admin, item, Status.IMPLEMENTED);
                Items.advanceTo(admin, quiet, Status.IMPLEMENTED);
                // the celebration is written in the transaction of this notification
                await().atMost(WITHIN)
                        .until(() -> implementedNotifications(alice, item) == 1
                                && implementedNotifications(alice, quiet) == 1);

                String thisWeek = UUID.randomUUID().toString();
                String lastWeek = UUID.randomUUID().toString();
                RawRecords.send(
                        servers(),
                        topic(),
                        "alice",
                        employee(UUID.randomUUID(), "alice", thisMonday(), thisWeek),
                        employee(UUID.randomUUID(), "alice", thisMonday().minusWeeks(1), lastWeek));
                await().atMost(WITHIN)
                        .until(() -> digestsContaining(alice, lastWeek).size() == 1);

                List<Map<String, Object>> current = digestsContaining(alice, thisWeek);
                assertThat(current).hasSize(1);
                assertThat((String) current.getFirst().get("message"))
                        .startsWith("Your week " + thisWeek)
                        .contains("\uD83C\uDF89 Your idea \"" + title + "\" was implemented on ")
                        .as("an anonymous idea counts for its submitter")
                        .contains("\uD83C\uDF89 Your idea \"" + quietTitle
                                + "\" (suggested anonymously) was implemented on ");
                assertThat((String)
                                digestsContaining(alice, lastWeek).getFirst().get("message"))
                        .as("an idea implemented this week is not in last week's digest")
                        .doesNotContain(title);

                await().during(Duration.ofMillis(1500))
                        .atMost(Duration.ofSeconds(5))
                        .until(() -> digests.calls().isEmpty());
                assertThat(digests.calls())
                        .as("an employee's digest is personal")
                        .isEmpty();
            } finally {
                deactivate(admin, hook);
            }
        }
    }

    @Test
    void unusableDigestsAreDeadLetteredWithTheReasonAndTheNextOneIsDelivered() throws Exception {
        String notJson = "not json " + UUID.randomUUID();
        String noRecipientPart = UUID.randomUUID().toString();
        String noRecipient = json.writeValueAsString(without(
                json.readValue(employee(UUID.randomUUID(), "erin", thisMonday(), noRecipientPart), Map.class),
                "recipient"));
        String marker = UUID.randomUUID().toString();
        String badRole = employee(UUID.randomUUID(), "erin", thisMonday(), marker)
                .replace("\"role\":\"employee\"", "\"role\":\"boss\"");
        String good = UUID.randomUUID().toString();
        RawRecords.send(
                servers(),
                topic(),
                "erin",
                notJson,
                noRecipient,
                badRole,
                employee(UUID.randomUUID(), "erin", thisMonday(), good));

        String erin = accessToken("erin");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> digestsContaining(erin, good).size() == 1);

        List<DeadLetters.DeadLetter> dead =
                DeadLetters.awaitHolding(servers(), topic() + ".dead-letter", notJson, noRecipientPart, marker);
        assertThat(DeadLetters.reasonFor(dead, notJson)).contains("not a digest");
        assertThat(DeadLetters.reasonFor(dead, noRecipientPart))
                .contains("needs eventId, recipient, weekStart and role");
        assertThat(DeadLetters.reasonFor(dead, marker)).contains("role is manager or employee");
        assertThat(digestsContaining(erin, marker)).isEmpty();
    }

    @Test
    void aWebhookSubscribesToDigestWeeklyButToNoUnknownType() {
        given().auth()
                .oauth2(accessToken("adam"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "url", "https://hooks.example.com/digest", "events", List.of("digest.weekly", "digest.daily")))
                .when()
                .post("/api/feedback/webhooks")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("events[1]"));
    }

    private String manager(UUID eventId, String text) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("activePeople", 12);
        figures.put("activePeopleLastWeek", 10);
        figures.put("people", 20);
        figures.put("meetingObjectives", 0.55);
        figures.put("meetingObjectivesLastWeek", 0.5);
        figures.put("newShortfalls", 2);
        figures.put("shortfallPeople", List.of("alice", "bob"));
        figures.put("overdueTraining", 1);
        figures.put("overdueTrainingPeople", List.of("carol"));
        return digest(eventId, "mark", "manager", "Sales EMEA", thisMonday(), text, figures, null);
    }

    private String employee(UUID eventId, String recipient, LocalDate weekStart, String marker) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("activeDays", 4);
        figures.put("activeDaysLastWeek", 3);
        figures.put("score", 72);
        figures.put("scoreLastWeek", null);
        figures.put("status", "MEETING");
        return digest(
                eventId,
                recipient,
                "employee",
                null,
                weekStart,
                "Your week " + marker + "\nActive on 4 days (last week 3)",
                null,
                figures);
    }

    private String digest(
            UUID eventId,
            String recipient,
            String role,
            String unit,
            LocalDate weekStart,
            String text,
            Map<String, Object> manager,
            Map<String, Object> employee)
            throws Exception {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("eventId", eventId.toString());
        value.put("type", "digest.weekly");
        value.put("recipient", recipient);
        value.put("role", role);
        value.put("businessUnit", unit);
        value.put("weekStart", weekStart.toString());
        value.put("weekEnd", weekStart.plusDays(6).toString());
        value.put("text", text);
        value.put("manager", manager);
        value.put("employee", employee);
        value.put("occurredAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        String record = json.writeValueAsString(value);
        io.uptake.testsupport.EventContracts.assertHolds("uptake.digests", record);
        return record;
    }

    private static Map<String, Object> without(Map<String, Object> value, String property) {
        value.remove(property);
        return value;
    }

    private static LocalDate thisMonday() {
        return LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static long submitAnonymously(String token, String title) {
        return ((Number) given().auth()
                        .oauth2(token)
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "kind",
                                "IDEA",
                                "title",
                                title,
                                "description",
                                "x",
                                "area",
                                "reports",
                                "anonymous",
                                true))
                        .when()
                        .post(Items.ITEMS)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
    }

    private static JsonPath register(String admin, WebhookReceiver receiver, List<String> events) {
        return given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(), "events", events))
                .when()
                .post("/api/feedback/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private static void deactivate(String admin, int hook) {
        given().auth()
                .oauth2(admin)
                .when()
                .delete("/api/feedback/webhooks/" + hook)
                .then()
                .statusCode(204);
    }

    private static List<Map<String, Object>> digestsContaining(String token, String part) {
        return given()
                .auth()
                .oauth2(token)
                .queryParam("size", 200)
                .when()
                .get("/api/feedback/notifications")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .<Map<String, Object>>getList("items.findAll { it.kind == 'DIGEST' }")
                .stream()
                .filter(note -> String.valueOf(note.get("message")).contains(part))
                .toList();
    }

    private static int implementedNotifications(String token, long itemId) {
        return given().auth()
                .oauth2(token)
                .queryParam("size", 200)
                .when()
                .get("/api/feedback/notifications")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.findAll { it.itemId == " + itemId + " && it.kind == '" + FeedbackEvent.IMPLEMENTED
                        + "' }")
                .size();
    }

    private static String servers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static String topic() {
        return ConfigProvider.getConfig().getValue("uptake.topics.digests", String.class);
    }
}
