package io.uptake.metrics.salesforce;

import static io.restassured.RestAssured.given;
import static io.uptake.metrics.support.Fixtures.rollupTotal;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.uptake.testsupport.EventLogFiles;
import io.uptake.testsupport.WriteKeyRequests;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Salesforce Event Monitoring end to end: a person's Salesforce user id on the roster, an EventLogFile of each listed
 * type built from Salesforce's documented columns, the real broker and rollups; a re-import counts nothing twice.
 */
@QuarkusTest
class EventLogResourceTest {

    private static final String IMPORT = "/api/metrics/imports/salesforce-event-log";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSS");

    private final Pool pool;

    EventLogResourceTest(Pool pool) {
        this.pool = pool;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String admin() {
        return accessToken("adam");
    }

    /** A new person with a random Salesforce user id, given in its 18-character form. */
    private static String[] newSalesforcePerson() {
        String userId = "sf-" + UUID.randomUUID().toString().substring(0, 8);
        String id15 = "005"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "displayName", "Sal Force",
                        "businessUnit", "Sales EMEA",
                        "jobRole", "sales-rep",
                        "externalIds", Map.of("salesforce", id15 + "AAA")))
                .when()
                .put("/api/metrics/people/" + userId)
                .then()
                .statusCode(201)
                .body("externalIds.salesforce", equalTo(id15));
        return new String[] {userId, id15};
    }

    private static void map(String name, String action) {
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of("action", action))
                .when()
                .put("/api/metrics/event-mappings/" + name)
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    private static ValidatableResponse importFile(String csv) {
        return given().auth()
                .oauth2(admin())
                .contentType("text/csv")
                .body(csv)
                .when()
                .post(IMPORT)
                .then();
    }

    @Test
    void anEventLogFileOfEachTypeCountsForThePersonOnceHoweverOftenItIsImported() {
        String[] person = newSalesforcePerson();
        String user = person[0];
        String id18 = person[1] + "XYZ";
        map("sf:LightningPageView:Opportunity", "opportunity.updated");
        map("sf:URI", "record.updated");
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        String plain = TIMESTAMP.format(at.atOffset(ZoneOffset.UTC));
        String request = UUID.randomUUID().toString().substring(0, 8);
        // one file per type would do as well: the columns of every listed type, each line filling its own
        String csv = """
                "EVENT_TYPE","TIMESTAMP","REQUEST_ID","ORGANIZATION_ID","USER_ID","RUN_TIME","URI","SESSION_KEY","LOGIN_KEY","LOGIN_STATUS","BROWSER_TYPE","PAGE_ENTITY_ID","PAGE_ENTITY_TYPE","PAGE_URL","METHOD_NAME","ENTITY_NAME","REPORT_ID","TIMESTAMP_DERIVED","USER_ID_DERIVED","CLIENT_IP"
                "Login","%1$s","%2$s-1","00D000000000001","%3$s","52","/index.jsp","k1","l1","LOGIN_NO_ERROR","Chrome","","","","","","","%4$s","%5$s","203.0.113.7"
                "LightningPageView","%1$s","%2$s-2","00D000000000001","%3$s","","","k1","l1","","","006000000000001","Opportunity","/lightning/r/Opportunity/006000000000001/view","","","","%4$s","%5$s","203.0.113.7"
                "URI","%1$s","%2$s-3","00D000000000001","%3$s","12","/001/o","k1","l1","","","","","","","","","%4$s","%5$s","203.0.113.7"
                "API","%1$s","%2$s-4","00D000000000001","%3$s","8","/services/data","k1","l1","","","","","","query","Account","","%4$s","%5$s","203.0.113.7"
                "Report","%1$s","%2$s-5","00D000000000001","%3$s","80","/00O000000000001","k1","l1","","","","","","","Opportunity","00O000000000001","%4$s","%5$s","203.0.113.7"
                "Login","not a time","%2$s-6","00D000000000001","%3$s","52","/index.jsp","k1","l1","LOGIN_NO_ERROR","Chrome","","","","","","","yesterday","%5$s","203.0.113.7"
                """.formatted(plain, request, person[1], at.toString(), id18);
        importFile(csv)
                .statusCode(200)
                .body("lines", equalTo(6))
                .body("accepted", equalTo(4))
                .body("unmapped", equalTo(1))
                .body("rejectedLines", equalTo(1))
                .body("rejected", hasSize(1))
                .body("rejected[0].line", equalTo(7))
                .body("rejected[0].errors[0]", org.hamcrest.Matchers.startsWith("TIMESTAMP_DERIVED"));
        await().atMost(Duration.ofSeconds(60)).until(() -> rollupTotal(pool, user) == 4L);
        importFile(csv).statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(4));
        given().auth()
                .oauth2(admin())
                .queryParam("size", 500)
                .when()
                .get("/api/metrics/unmapped-events")
                .then()
                .body("items.name", hasItem("sf:API:Account"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> rollupTotal(pool, user) == 4L);
    }

    @Test
    void badInputIsA400NamingTheFieldAndWritesNothing() {
        importFile("").statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("body"));
        importFile("EVENT_TYPE,USER_ID\nLogin,005000000000AAA\n")
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("header"));
        String[] person = newSalesforcePerson();
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "displayName", "Other",
                        "businessUnit", "Sales EMEA",
                        "jobRole", "sales-rep",
                        "externalIds", Map.of("salesforce", person[1])))
                .when()
                .put("/api/metrics/people/sf-other-"
                        + UUID.randomUUID().toString().substring(0, 6))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("externalIds.salesforce"));
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "displayName", "Other",
                        "businessUnit", "Sales EMEA",
                        "jobRole", "sales-rep",
                        "externalIds", Map.of("hubspot", "1")))
                .when()
                .put("/api/metrics/people/" + person[0])
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("externalIds.hubspot"));
        given().auth()
                .oauth2(accessToken("alice"))
                .contentType("text/csv")
                .body("EVENT_TYPE\n")
                .when()
                .post(IMPORT)
                .then()
                .statusCode(403);
    }

    @Test
    void aWriteKeyMadeForEventLogsImportsAFileAndNoOtherKeyDoes() {
        String[] person = newSalesforcePerson();
        map("sf:URI", "record.updated");
        String forLogs = writeKey(true);
        String forEventsOnly = writeKey(false);

        postWithKey(forEventsOnly, oneLine(person[1]))
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("detail", org.hamcrest.Matchers.containsString("eventLogs"));
        postWithKey("uwk_not-a-key", oneLine(person[1])).statusCode(401).contentType(PROBLEM_JSON);
        given().contentType("text/csv")
                .body(oneLine(person[1]))
                .when()
                .post(IMPORT)
                .then()
                .statusCode(401);

        postWithKey(forLogs, oneLine(person[1])).statusCode(200).body("accepted", equalTo(1));
        // each refused file held a line of its own (its own REQUEST_ID): none of them counted
        await().atMost(Duration.ofSeconds(60)).until(() -> rollupTotal(pool, person[0]) == 1L);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> rollupTotal(pool, person[0]) == 1L);
    }

    @Test
    void anEventTypeMappedLaterWithARecountCountsTheLinesImportedBefore() {
        String[] person = newSalesforcePerson();
        String type = "Custom" + UUID.randomUUID().toString().substring(0, 6);
        String csv =
                """
                "EVENT_TYPE","REQUEST_ID","USER_ID","TIMESTAMP_DERIVED"
                "%1$s","%2$s-1","%3$s","%4$s"
                "%1$s","%2$s-2","%3$s","%4$s"
                """.formatted(type, UUID.randomUUID(), person[1], Instant.now().minus(2, ChronoUnit.HOURS));
        importFile(csv).statusCode(200).body("unmapped", equalTo(2));
        importFile(csv).statusCode(200).body("unmapped", equalTo(2)); // kept once each

        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .queryParam("recount", true)
                .body(Map.of("action", "record.updated"))
                .when()
                .put("/api/metrics/event-mappings/sf:" + type)
                .then()
                .statusCode(201)
                .body("recounted", equalTo(2));
        await().atMost(Duration.ofSeconds(60)).until(() -> rollupTotal(pool, person[0]) == 2L);
        importFile(csv).statusCode(200).body("duplicates", equalTo(2)); // now mapped: the same events, known
    }

    /** A file of one URI line for this Salesforce user, with a REQUEST_ID of its own. */
    private static String oneLine(String salesforceId) {
        return """
                "EVENT_TYPE","REQUEST_ID","USER_ID","TIMESTAMP_DERIVED","URI"
                "URI","%s","%s","%s","/001/o"
                """.formatted(
                        UUID.randomUUID(),
                        salesforceId,
                        Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS));
    }

    private static ValidatableResponse postWithKey(String key, String csv) {
        return given().auth()
                .preemptive()
                .basic(key, "")
                .contentType("text/csv")
                .body(csv)
                .when()
                .post(IMPORT)
                .then();
    }

    /** A new write key, allowed or not to post EventLogFiles; the key itself. */
    private static String writeKey(boolean eventLogs) {
        return WriteKeyRequests.make(Map.of("name", "nightly EventLogFile job", "eventLogs", eventLogs))
                .statusCode(201)
                .body("eventLogs", equalTo(eventLogs))
                .extract()
                .path("key");
    }

    @Test
    void aFileLargerThanTheUsualBodyLimitIsStreamedInWhileOtherPathsKeepTheLimit() {
        String csv = EventLogFiles.ofNobody(LARGE_FILE_LINES);
        assertThat(csv.length()).isGreaterThan(10 * 1024 * 1024);
        importFile(csv)
                .statusCode(200)
                .body("lines", equalTo(LARGE_FILE_LINES))
                .body("unmapped", equalTo(LARGE_FILE_LINES))
                .body("rejectedLines", equalTo(0));
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(csv)
                .when()
                .post("/api/metrics/events")
                .then()
                .statusCode(413)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("body"));
    }

    static final int LARGE_FILE_LINES = 40_000;
}
