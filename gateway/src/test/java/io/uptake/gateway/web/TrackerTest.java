package io.uptake.gateway.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.uptake.gateway.support.AllServices;
import io.uptake.gateway.support.WebPages;
import io.uptake.testsupport.KeycloakTokens;
import io.uptake.testsupport.WriteKeyRequests;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The browser tracker as a CRM administrator adds it: a page of another origin (a local server standing in for the
 * web CRM) loads {@code /tracker.js} from the gateway in Chromium; its navigation and its clicks on marked elements
 * count for the identified person, sent by {@code fetch} while the page is open and by {@code sendBeacon} when it is
 * left.
 */
@QuarkusTest
@WithTestResource(AllServices.class)
class TrackerTest {

    private static final String ADMIN = "adam";
    private static WebPages web;
    private static HttpServer crm;

    @BeforeAll
    static void startTheCrm() throws Exception {
        crm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        crm.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (web != null) {
            web.close();
        }
        crm.stop(0);
    }

    private static String crmOrigin() {
        return "http://127.0.0.1:" + crm.getAddress().getPort();
    }

    /**
     * The CRM's page under {@code prefix}: the tracker's snippet, a link that navigates in place to {@code deals}, a
     * marked button.
     */
    private static void serveCrmPages(String prefix, String deals, String key, String user, int flushMs) {
        String gateway = RestAssured.baseURI + ":" + RestAssured.port;
        String html = """
                <!doctype html><html lang="en"><head><title>A web CRM</title>
                <script>window.uptake = window.uptake || {q: [], identify: function (u) { this.q.push(u); }};</script>
                <script src="%s/tracker.js" data-write-key="%s" data-flush-ms="%d" async></script>
                <script>uptake.identify("%s");</script>
                </head><body>
                <a id="deals" href="#" onclick="history.pushState({}, '', '%s'); return false;">Deals</a>
                <input id="secret" value="a field value the tracker never sends">
                <button data-uptake-action="record.created" data-uptake-object="006A"><span>New record</span></button>
                </body></html>""".formatted(gateway, key, flushMs, user, deals);
        crm.createContext(prefix, exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    private static String admin() {
        return KeycloakTokens.cachedAccessToken(ADMIN);
    }

    private static String createKey(List<String> origins) {
        return WriteKeyRequests.key(Map.of("name", "CRM tracker " + UUID.randomUUID(), "origins", origins));
    }

    /** A person of a unit of their own, whose objectives count the two actions the CRM page sends. */
    private static void putPersonWithObjectives(String user, String unit) {
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", "Tina Tracker", "businessUnit", unit, "jobRole", "sales-rep"))
                .when()
                .put("/api/metrics/people/" + user)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "effectiveFrom",
                        LocalDate.now(ZoneOffset.UTC).minusDays(7).toString(),
                        "expectations",
                        List.of(
                                Map.of("metric", "action:record.created", "period", "week", "min", 5),
                                Map.of("metric", "action:opportunity.updated", "period", "week", "min", 5))))
                .when()
                .put("/api/metrics/objectives/" + unit + "/sales-rep")
                .then()
                .statusCode(200);
    }

    /** The person's count of the action in this week's scorecard. */
    private static int counted(String user, String action) {
        List<Map<String, Object>> expectations = given().auth()
                .oauth2(admin())
                .when()
                .get("/api/metrics/people/" + user + "/scorecard")
                .then()
                .statusCode(200)
                .extract()
                .path("expectations");
        return expectations.stream()
                .filter(expectation -> expectation.get("metric").equals("action:" + action))
                .mapToInt(expectation -> ((Number) expectation.get("actual")).intValue())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aCrmPageOfAnotherOriginSendsItsNavigationAndMarkedClicksForTheIdentifiedPerson() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String user = "trk-" + suffix;
        String prefix = "/crm-" + suffix;
        putPersonWithObjectives(user, "Tracked " + suffix);
        // a page's mapping names its path: each "/" of it sent as %2F in the mapping's own path
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of("action", "opportunity.updated"))
                .when()
                .put("/api/metrics/event-mappings/page:" + (prefix + "/deals").replace("/", "%2F"))
                .then()
                .statusCode(201);
        String key = createKey(List.of(crmOrigin()));
        serveCrmPages(prefix + "/open", prefix + "/deals", key, user, 200);
        serveCrmPages(prefix + "/leaving", prefix + "/deals", key, user, 600_000);
        web = web != null ? web : WebPages.open(RestAssured.baseURI + ":" + RestAssured.port);
        BrowserContext profile = web.newContext();
        try {
            List<String> sentBodies = new java.util.concurrent.CopyOnWriteArrayList<>();
            profile.onRequest(request -> {
                if (request.url().endsWith("/v1/batch")) {
                    sentBodies.add(request.postData());
                }
            });
            Page page = profile.newPage();
            List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>(); // shown when an assertion fails
            page.onConsoleMessage(message -> seen.add("console " + message.type() + ": " + message.text()));
            page.onResponse(response -> seen.add(response.status() + " " + response.url()));
            page.onRequestFailed(request -> seen.add("failed " + request.url() + ": " + request.failure()));

            // open: sent by fetch every 200 ms
            page.navigate(crmOrigin() + prefix + "/open/home");
            page.locator("#deals").click();
            page.locator("button span").click();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(counted(user, "opportunity.updated"))
                        .as("pages, after %s", seen)
                        .isEqualTo(1);
                assertThat(counted(user, "record.created"))
                        .as("clicks, after %s", seen)
                        .isEqualTo(1);
            });

            // leaving: nothing is sent until the page is left, then by sendBeacon
            page.navigate(crmOrigin() + prefix + "/leaving/home");
            page.locator("button").click();
            page.waitForTimeout(500);
            assertThat(counted(user, "record.created")).isEqualTo(1);
            page.navigate("about:blank");
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(counted(user, "record.created"))
                            .as("clicks, after %s", seen)
                            .isEqualTo(2));
            assertThat(counted(user, "opportunity.updated")).isEqualTo(1);
            assertThat(sentBodies)
                    .isNotEmpty()
                    .allSatisfy(body -> assertThat(body)
                            .contains("\"userId\":\"" + user + "\"")
                            .doesNotContain("a field value the tracker never sends"));
        } finally {
            profile.close();
        }
    }

    @Test
    void theTrackerLoadsOnAnyPageButOnlyTheKeysOriginsMaySendAndTheRestOfTheApiStaysClosed() {
        given().when()
                .get("/tracker.js")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("javascript"))
                .header("Cross-Origin-Resource-Policy", "cross-origin");
        String key = createKey(List.of(crmOrigin()));
        String batch = "{\"writeKey\":\"" + key + "\",\"batch\":[{\"type\":\"track\",\"messageId\":\""
                + UUID.randomUUID()
                + "\",\"userId\":\"nobody-" + UUID.randomUUID().toString().substring(0, 6)
                + "\",\"event\":\"login\"}]}";
        given().contentType("text/plain")
                .header("Origin", crmOrigin())
                .body(batch)
                .when()
                .post("/v1/batch")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", crmOrigin());
        given().contentType("text/plain")
                .header("Origin", "https://elsewhere.example")
                .body(batch)
                .when()
                .post("/v1/batch")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        // the key's origin opens /v1 only
        given().auth()
                .oauth2(admin())
                .header("Origin", crmOrigin())
                .when()
                .get("/api/metrics/write-keys")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue())
                .body("status", equalTo(403));
    }
}
