package io.uptake.metrics.segment;

import static io.restassured.RestAssured.given;
import static io.uptake.metrics.support.Fixtures.rollupTotal;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.TrackMessage;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.uptake.metrics.roster.PeopleProbe;
import io.uptake.testsupport.WriteKeyRequests;
import io.vertx.mutiny.sqlclient.Pool;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Segment-compatible tracking API end to end: a write key made by an admin, Segment's own Java library as the
 * sender, the real broker, the consumer and the rollups; replays counted once, revoked keys refused at once.
 */
@QuarkusTest
class SegmentResourceTest {

    private static final String KEYS = "/api/metrics/write-keys";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Duration APPLIED_WITHIN = Duration.ofSeconds(60);

    @TestHTTPResource("/")
    URL service;

    private final Pool pool;
    private final PeopleProbe published;

    SegmentResourceTest(Pool pool, PeopleProbe published) {
        this.pool = pool;
        this.published = published;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** Asks for a write key named {@code name} as {@code user}. */
    private static ValidatableResponse createKey(String user, String name) {
        return given().auth()
                .oauth2(accessToken(user))
                .contentType(ContentType.JSON)
                .body(Map.of("name", name))
                .when()
                .post(KEYS)
                .then();
    }

    private static String newKey(String name) {
        return newKey(Map.of("name", name));
    }

    /** A key made with these settings ({@code name}, {@code identify}, {@code traits}, {@code origins}). */
    private static String newKey(Map<String, Object> settings) {
        String name = (String) settings.get("name");
        return createKeyWith(settings)
                .statusCode(201)
                .body("key", startsWith("uwk_"))
                .body("name", equalTo(name))
                .extract()
                .path("key");
    }

    /** A Segment call as the libraries make it: the write key as the Basic user name, an empty password. */
    private static ValidatableResponse send(String key, String path, Object body) {
        return given().auth()
                .preemptive()
                .basic(key, "")
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path)
                .then();
    }

    private static String newUser() {
        return "seg-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void segmentsOwnLibraryDeliversAndTheEventsCountOnce() throws Exception {
        String key = newKey("Segment library " + UUID.randomUUID());
        String user = newUser();
        List<String> failures = new CopyOnWriteArrayList<>();
        CountDownLatch delivered = new CountDownLatch(3);
        Analytics analytics = Analytics.builder(key)
                .endpoint(service.toString())
                .flushQueueSize(3)
                .callback(new Callback() {
                    @Override
                    public void success(Message message) {
                        delivered.countDown();
                    }

                    @Override
                    public void failure(Message message, Throwable throwable) {
                        failures.add(message.messageId() + ": " + throwable);
                        delivered.countDown();
                    }
                })
                .build();
        try {
            analytics.enqueue(IdentifyMessage.builder().userId(user).traits(Map.of("name", "Sam Segment")));
            analytics.enqueue(TrackMessage.builder("login").userId(user));
            analytics.enqueue(
                    TrackMessage.builder("record.created").userId(user).properties(Map.of("objectId", "a1")));
            analytics.flush();
            assertThat(delivered.await(30, TimeUnit.SECONDS))
                    .as("the library's callbacks")
                    .isTrue();
        } finally {
            analytics.shutdown();
        }
        assertThat(failures).isEmpty();
        await().atMost(APPLIED_WITHIN).until(() -> rollupTotal(pool, user) == 2L);
    }

    @Test
    void theSameBatchSentTwiceCountsOnceAndAReplayIsADuplicate() {
        String key = newKey("Replay " + UUID.randomUUID());
        String user = newUser();
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, Object> batch = Map.of(
                "sentAt",
                now,
                "batch",
                List.of(
                        Map.of("type", "track", "messageId", "r-1", "userId", user, "event", "login", "timestamp", now),
                        Map.of(
                                "type",
                                "track",
                                "messageId",
                                "r-2",
                                "userId",
                                user,
                                "event",
                                "login",
                                "timestamp",
                                now)));
        send(key, "/v1/batch", batch)
                .statusCode(200)
                .body("success", equalTo(true))
                .body("accepted", equalTo(2));
        await().atMost(APPLIED_WITHIN).until(() -> rollupTotal(pool, user) == 2L);
        send(key, "/v1/batch", batch)
                .statusCode(200)
                .body("accepted", equalTo(0))
                .body("duplicates", equalTo(2));
        assertThat(rollupTotal(pool, user)).isEqualTo(2L);
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceAndKeysAreListedWithoutTheKey() {
        String name = "Revoked " + UUID.randomUUID();
        String key = newKey(name);
        String track = "{\"messageId\":\"k-1\",\"userId\":\"alice\",\"event\":\"login\"}";
        send(key, "/v1/track", track).statusCode(200);
        String admin = accessToken("adam");
        String id = given().auth()
                .oauth2(admin)
                .queryParam("size", 500)
                .when()
                .get(KEYS)
                .then()
                .statusCode(200)
                .body("items.key", not(hasItem(notNullValue())))
                .extract()
                .path("items.find { it.name == '" + name + "' }.id");
        given().auth()
                .oauth2(admin)
                .queryParam("size", 500)
                .when()
                .get(KEYS)
                .then()
                .body("items.find { it.id == '" + id + "' }.lastUsedAt", notNullValue())
                .body("items.find { it.id == '" + id + "' }.revokedAt", nullValue());
        given().auth().oauth2(admin).when().delete(KEYS + "/" + id).then().statusCode(204);

        send(key, "/v1/track", track)
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Basic"));
        given().contentType(ContentType.JSON)
                .body(track)
                .when()
                .post("/v1/track")
                .then()
                .statusCode(401);
        given().auth().oauth2(admin).when().delete(KEYS + "/" + id).then().statusCode(404);
    }

    @Test
    void aWriteKeyInTheBodyIsTakenAsSomeLibrariesSendIt() {
        String key = newKey("In body " + UUID.randomUUID());
        String user = newUser();
        given().contentType(ContentType.JSON)
                .body(Map.of("writeKey", key, "messageId", "w-1", "userId", user, "event", "login"))
                .when()
                .post("/v1/track")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1));
        await().atMost(APPLIED_WITHIN).until(() -> rollupTotal(pool, user) == 1L);
    }

    @Test
    void unmappedNamesAreListedUntilTheCrmTeamMapsThem() {
        String key = newKey("Unmapped " + UUID.randomUUID());
        String user = newUser();
        String name = "Quote Sent " + UUID.randomUUID().toString().substring(0, 6);
        String admin = accessToken("adam");
        for (String messageId : List.of("u-1", "u-2")) {
            send(key, "/v1/track", Map.of("messageId", messageId, "userId", user, "event", name))
                    .statusCode(200)
                    .body("accepted", equalTo(0))
                    .body("unmapped", equalTo(1));
        }
        given().auth()
                .oauth2(admin)
                .queryParam("size", 500)
                .when()
                .get("/api/metrics/unmapped-events")
                .then()
                .statusCode(200)
                .body("items.find { it.name == '" + name + "' }.events", equalTo(2));

        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("action", "opportunity.updated"))
                .when()
                .put("/api/metrics/event-mappings/" + name)
                .then()
                .statusCode(201)
                .body("action", equalTo("opportunity.updated"));
        send(key, "/v1/track", Map.of("messageId", "u-3", "userId", user, "event", name))
                .statusCode(200)
                .body("accepted", equalTo(1));
        await().atMost(APPLIED_WITHIN).until(() -> rollupTotal(pool, user) == 1L);
        given().auth()
                .oauth2(admin)
                .queryParam("size", 500)
                .when()
                .get("/api/metrics/unmapped-events")
                .then()
                .body("items.name", not(hasItem(name)));
    }

    @Test
    void mappingANameRecountsItsPastOnlyWhenAskedAndEachEventOnce() {
        String key = newKey("Recount " + UUID.randomUUID());
        String user = newUser();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String later = "Deal Won " + suffix;
        String now = "Deal Lost " + suffix;
        for (String messageId : List.of("r-1", "r-2", "r-1")) { // the replay of r-1 is the same event
            send(key, "/v1/track", Map.of("messageId", messageId, "userId", user, "event", now))
                    .statusCode(200)
                    .body("unmapped", equalTo(1));
        }
        send(key, "/v1/track", Map.of("messageId", "r-3", "userId", user, "event", later))
                .statusCode(200)
                .body("unmapped", equalTo(1));
        send(key, "/v1/track", Map.of("messageId", "r-4", "anonymousId", "a-9", "event", now))
                .statusCode(200)
                .body("unmapped", equalTo(1));

        map(later, false).statusCode(201).body("recounted", nullValue());
        map(now, true).statusCode(201).body("recounted", equalTo(2));
        await().atMost(APPLIED_WITHIN).until(() -> rollupTotal(pool, user) == 2L);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> rollupTotal(pool, user) == 2L);

        map(now, true).statusCode(200).body("recounted", equalTo(0));
        map(later, true).statusCode(200).body("recounted", equalTo(1));
        await().atMost(APPLIED_WITHIN).until(() -> rollupTotal(pool, user) == 3L);
    }

    /** Maps the name to opportunity.updated, recounting its past or not. */
    private static ValidatableResponse map(String name, boolean recount) {
        return given().auth()
                .oauth2(accessToken("adam"))
                .contentType(ContentType.JSON)
                .queryParam("recount", recount)
                .body(Map.of("action", "opportunity.updated"))
                .when()
                .put("/api/metrics/event-mappings/" + name)
                .then();
    }

    @Test
    void badInputIsA400NamingTheFieldAndOneBadMessageNeverLosesTheRest() {
        String key = newKey("Bad input " + UUID.randomUUID());
        String user = newUser();
        send(key, "/v1/batch", "{\"batch\": 3}")
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("batch"));
        send(key, "/v1/batch", "{not json")
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("body"));
        send(
                        key,
                        "/v1/batch",
                        Map.of(
                                "batch",
                                List.of(
                                        Map.of("type", "track", "userId", user, "event", "login"),
                                        Map.of("type", "track", "messageId", "ok-1", "userId", user, "event", "login"),
                                        Map.of(
                                                "type",
                                                "track",
                                                "messageId",
                                                "late-1",
                                                "userId",
                                                user,
                                                "event",
                                                "login",
                                                "timestamp",
                                                "1999-01-01T00:00:00Z"))))
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected", hasSize(2))
                .body("rejected[0].index", equalTo(0))
                .body("rejected[1].index", equalTo(2));
        await().atMost(APPLIED_WITHIN).until(() -> rollupTotal(pool, user) == 1L);

        createKey("alice", "not mine to make").statusCode(403);
        createKey("adam", " ")
                .statusCode(400)
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("name")));
    }

    private static ValidatableResponse person(String userId) {
        return given().auth()
                .oauth2(accessToken("adam"))
                .when()
                .get("/api/metrics/people/" + userId)
                .then();
    }

    @Test
    void anIdentifyFromAKeyAllowedToKeepsTheRosterAndIsPublishedOnce() {
        String key = newKey(Map.of(
                "name", "Identify " + UUID.randomUUID(), "identify", true, "traits", Map.of("businessUnit", "unit")));
        String user = newUser();
        send(
                        key,
                        "/v1/identify",
                        Map.of(
                                "userId",
                                user,
                                "traits",
                                Map.of(
                                        "name",
                                        "Ida Identify",
                                        "email",
                                        "ida@example.com",
                                        "unit",
                                        "Sales EMEA",
                                        "title",
                                        "sales-rep",
                                        "plan",
                                        "ignored")))
                .statusCode(200)
                .body("identified", equalTo(1))
                .body("rejected", hasSize(0));
        person(user)
                .statusCode(200)
                .body("displayName", equalTo("Ida Identify"))
                .body("businessUnit", equalTo("Sales EMEA"))
                .body("jobRole", equalTo("sales-rep"))
                .body("email", equalTo("ida@example.com"));

        // a later call changes what it carries and keeps the rest; the same call again changes nothing
        Map<String, Object> moved = Map.of("type", "identify", "userId", user, "traits", Map.of("unit", "Sales APAC"));
        send(key, "/v1/batch", Map.of("batch", List.of(moved))).statusCode(200).body("identified", equalTo(1));
        send(key, "/v1/batch", Map.of("batch", List.of(moved))).statusCode(200).body("identified", equalTo(1));
        person(user)
                .statusCode(200)
                .body("displayName", equalTo("Ida Identify"))
                .body("businessUnit", equalTo("Sales APAC"));
        await().atMost(APPLIED_WITHIN)
                .untilAsserted(() -> assertThat(published.valuesFor(user)).hasSize(2));
        assertThat(published.valuesFor(user).get(1)).contains("Sales APAC");
    }

    @Test
    void anIdentifyThatCannotMakeAPersonIsRejectedNamingTheTraitAndAKeyWithoutTheRightChangesNothing() {
        String user = newUser();
        String identifying = newKey(Map.of("name", "Identify " + UUID.randomUUID(), "identify", true));
        send(
                        identifying,
                        "/v1/batch",
                        Map.of(
                                "batch",
                                List.of(
                                        Map.of("type", "identify", "userId", user, "traits", Map.of("name", "No Unit")),
                                        Map.of("type", "track", "messageId", "i-1", "userId", user, "event", "login"))))
                .statusCode(200)
                .body("identified", equalTo(0))
                .body("accepted", equalTo(1))
                .body("rejected[0].index", equalTo(0))
                .body(
                        "rejected[0].errors",
                        hasItem("traits.department: is required for a person not yet on the roster"));
        person(user).statusCode(404);

        String eventsOnly = newKey("Events only " + UUID.randomUUID());
        send(
                        eventsOnly,
                        "/v1/identify",
                        Map.of("userId", user, "traits", Map.of("name", "N", "department", "D", "title", "T")))
                .statusCode(200)
                .body("identified", equalTo(0));
        person(user).statusCode(404);

        createKeyWith(Map.of("name", "bad", "origins", List.of("https://crm.example.com/path")))
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("origins")));
        createKeyWith(Map.of("name", "bad", "traits", Map.of("jobRole", "has space")))
                .statusCode(400)
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("jobRole")));
    }

    private static ValidatableResponse createKeyWith(Map<String, Object> settings) {
        return WriteKeyRequests.make(settings);
    }

    @Test
    void aBrowserPageMaySendOnlyWithAKeyThatListsItsOrigin() {
        String origin = "https://crm-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
        String key = newKey(Map.of("name", "Tracker " + UUID.randomUUID(), "origins", List.of(origin + ":443")));
        String user = newUser();
        // the tracker's request: text/plain (no preflight), the key in the body
        given().contentType("text/plain")
                .header("Origin", origin)
                .body("{\"writeKey\":\"" + key + "\",\"batch\":[{\"type\":\"track\",\"messageId\":\"o-1\","
                        + "\"userId\":\"" + user + "\",\"event\":\"login\"}]}")
                .when()
                .post("/v1/batch")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", origin)
                .body("accepted", equalTo(1));
        given().contentType("text/plain")
                .header("Origin", "https://elsewhere.example.com")
                .body("{\"writeKey\":\"" + key + "\",\"batch\":[{\"type\":\"track\",\"messageId\":\"o-2\","
                        + "\"userId\":\"" + user + "\",\"event\":\"login\"}]}")
                .when()
                .post("/v1/batch")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .when()
                .options("/v1/batch")
                .then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Headers", org.hamcrest.Matchers.containsString("Authorization"));
        given().header("Origin", "https://elsewhere.example.com")
                .header("Access-Control-Request-Method", "POST")
                .when()
                .options("/v1/track")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
        await().atMost(APPLIED_WITHIN).until(() -> rollupTotal(pool, user) == 1L);
    }
}
