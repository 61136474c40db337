package io.uptake.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.uptake.gateway.support.Browser;
import io.uptake.gateway.support.EventStreams;
import io.uptake.gateway.support.ForgedTokens;
import io.uptake.gateway.support.StubUpstream;
import io.uptake.testsupport.KeycloakTokens;
import io.uptake.testsupport.LocalInfrastructure;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's own rules, in front of a stub upstream, with real Keycloak tokens: 401 problems,
 * rate limits that hold and reset, body limits, CORS, security headers, request ids and trace context,
 * no upstream internals, per-route metrics, and an upstream that is down (training's route points at a closed port).
 */
@QuarkusTest
@TestProfile(ProtectionTest.SmallLimits.class)
@WithTestResource(StubUpstream.class)
class ProtectionTest {

    static final int USER_LIMIT = 5;
    static final int INGEST_LIMIT = 200;
    static final int WINDOW_SECONDS = 5;
    static final int MAX_BODY = 1024;
    static final int STREAMS_PER_CALLER = 2;
    /** Streams the replica holds in all: two callers' worth. */
    static final int MAX_STREAMS = 2 * STREAMS_PER_CALLER;

    static final int MAX_IN_FLIGHT = 2;
    /** The stub upstream's event stream. */
    private static final String STREAM = "/api/metrics/stream";

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String ALLOWED_ORIGIN = "http://localhost:3000";

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> limits =
                    new java.util.HashMap<>(Map.of("uptake.gateway.max-streams", String.valueOf(MAX_STREAMS)));
            limits.putAll(Map.of(
                    "uptake.gateway.rate-limit.window",
                    WINDOW_SECONDS + "s",
                    "uptake.gateway.rate-limit.user-requests",
                    String.valueOf(USER_LIMIT),
                    "uptake.gateway.rate-limit.client-requests",
                    String.valueOf(USER_LIMIT),
                    "uptake.gateway.rate-limit.ingest-requests",
                    String.valueOf(INGEST_LIMIT),
                    "uptake.gateway.routes.metrics.max-body-size",
                    String.valueOf(MAX_BODY),
                    "uptake.gateway.idle-timeout",
                    "1s",
                    "uptake.gateway.circuit-breaker.failure-threshold",
                    "3",
                    "uptake.gateway.circuit-breaker.open-for",
                    "2s",
                    "uptake.gateway.max-streams-per-caller",
                    String.valueOf(STREAMS_PER_CALLER),
                    "uptake.gateway.max-in-flight",
                    String.valueOf(MAX_IN_FLIGHT)));
            limits.put("uptake.gateway.streams-over-http2", "false"); // the stub upstream speaks HTTP/1.1 only
            return limits;
        }
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void withoutATokenTheAnswerIsA401Problem() {
        given().when()
                .get("/api/metrics/echo")
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", containsString("Bearer"))
                .header("X-Request-Id", not(nullValue()))
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"));
    }

    @Test
    void aTokenWithTheRealmsKeyIdButAForeignSignatureIsA401Problem() {
        given().auth()
                .oauth2(ForgedTokens.badSignature())
                .when()
                .get("/api/metrics/echo")
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(401));
        given().auth()
                .oauth2(ForgedTokens.otherRealm())
                .when()
                .get("/api/metrics/echo")
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void aPersonsRateLimitHoldsForThemAloneAndResets() {
        String bob = KeycloakTokens.cachedAccessToken("bob");
        int lastAllowed = -1;
        Response refused = null;
        for (int i = 0; i < USER_LIMIT + 1; i++) {
            Response response = given().auth().oauth2(bob).when().get("/api/metrics/echo");
            if (response.statusCode() == 429) {
                refused = response;
                break;
            }
            assertThat(response.statusCode()).isEqualTo(200);
            lastAllowed = i;
        }
        assertThat(lastAllowed).as("requests allowed before the limit").isEqualTo(USER_LIMIT - 1);
        assertThat(refused).isNotNull();
        assertThat(refused.contentType()).startsWith(PROBLEM_JSON);
        assertThat(refused.jsonPath().getInt("status")).isEqualTo(429);
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1, WINDOW_SECONDS);

        // another person is not affected
        given().auth()
                .oauth2(KeycloakTokens.cachedAccessToken("carol"))
                .when()
                .get("/api/metrics/echo")
                .then()
                .statusCode(200);
        // still refused within the window, then allowed once it is over
        given().auth()
                .oauth2(bob)
                .when()
                .get("/api/metrics/echo")
                .then()
                .statusCode(429)
                .header("Retry-After", not(nullValue()));
        AtomicReference<Response> reset = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(retryAfter + 3L))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    reset.set(given().auth().oauth2(bob).when().get("/api/metrics/echo"));
                    assertThat(reset.get().statusCode())
                            .as("refused until the window is over, then allowed")
                            .isIn(200, 429);
                    return reset.get().statusCode() == 200;
                });
        reset.get()
                .then()
                .header("RateLimit-Limit", String.valueOf(USER_LIMIT))
                .header("RateLimit-Remaining", String.valueOf(USER_LIMIT - 1));
    }

    @Test
    void atCapacityTheGatewayShedsAtOnceWithRetryAfterAndRecovers() throws Exception {
        String token = KeycloakTokens.cachedConnectorToken();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest slow = java.net.http.HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/metrics/slow"))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(20))
                .build();
        java.util.List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> busy = new java.util.ArrayList<>();
        for (int i = 0; i < MAX_IN_FLIGHT; i++) {
            busy.add(http.sendAsync(slow, HttpResponse.BodyHandlers.ofString()));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> StubUpstream.inFlight() >= MAX_IN_FLIGHT);
        long began = System.nanoTime();
        Response shed = given().auth().oauth2(token).when().get("/api/metrics/echo");
        long millis = (System.nanoTime() - began) / 1_000_000;
        assertThat(shed.statusCode()).isEqualTo(503);
        assertThat(shed.contentType()).startsWith(PROBLEM_JSON);
        assertThat(shed.header("Retry-After")).isEqualTo("1");
        assertThat(millis).as("shed at once, not after waiting").isLessThan(1000);
        for (var answer : busy) {
            assertThat(answer.get(20, java.util.concurrent.TimeUnit.SECONDS).statusCode())
                    .as("the requests in flight are answered (504: this profile's 1 s idle timeout)")
                    .isEqualTo(504);
        }
        given().auth().oauth2(token).when().get("/api/metrics/echo").then().statusCode(200);
    }

    @Test
    void oneCallerCannotHoldMoreThanTheirShareOfEventStreams() throws Exception {
        String hana = KeycloakTokens.cachedAccessToken("hana");
        java.util.List<java.io.InputStream> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < STREAMS_PER_CALLER; i++) {
                openWhenFree("hana", open);
            }
            HttpResponse<java.io.InputStream> refused = openStream(hana);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(new String(refused.body().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("event streams");
            openWhenFree("erin", open); // another caller is not affected

            open.remove(0).close();
            EventStreams.openWhenFree(STREAM, hana, open);
        } finally {
            EventStreams.closeAll(open);
        }
    }

    @Test
    void aReplicaRefusesAtOnceTheStreamsItCannotHold() throws Exception {
        java.util.List<java.io.InputStream> open = new java.util.ArrayList<>();
        try {
            for (String caller : java.util.List.of("hana", "erin")) {
                for (int i = 0; i < STREAMS_PER_CALLER; i++) {
                    openWhenFree(caller, open);
                }
            }
            long asked = System.nanoTime();
            HttpResponse<java.io.InputStream> refused = openStream(KeycloakTokens.cachedAccessToken("alice"));
            assertThat(refused.statusCode())
                    .as("one stream more than the replica holds")
                    .isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - asked))
                    .as("refused at once")
                    .isLessThan(Duration.ofSeconds(3));
            assertThat(refused.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(new String(refused.body().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("holds " + MAX_STREAMS + " live streams");

            open.remove(0).close();
            openWhenFree("alice", open);
        } finally {
            EventStreams.closeAll(open);
        }
    }

    /** Opens a stream as the caller once the gateway has a seat for it, and keeps it in {@code open}. */
    private static void openWhenFree(String caller, java.util.List<java.io.InputStream> open) {
        EventStreams.openWhenFree(STREAM, KeycloakTokens.cachedAccessToken(caller), open);
    }

    private static HttpResponse<java.io.InputStream> openStream(String token) throws Exception {
        return EventStreams.open(STREAM, token);
    }

    @Test
    void theIngestClientHasAHigherLimit() {
        String ingest = KeycloakTokens.cachedConnectorToken();
        for (int i = 0; i < USER_LIMIT * 3; i++) {
            given().auth()
                    .oauth2(ingest)
                    .when()
                    .post("/api/metrics/echo")
                    .then()
                    .statusCode(200)
                    .header("RateLimit-Limit", String.valueOf(INGEST_LIMIT));
        }
    }

    @Test
    void aBodyAboveTheRoutesLimitIsA413ProblemDeclaredOrChunked() {
        String token = KeycloakTokens.cachedConnectorToken();
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("x".repeat(MAX_BODY))
                .when()
                .post("/api/metrics/echo")
                .then()
                .statusCode(200)
                .body("bodyLength", equalTo(MAX_BODY));
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("x".repeat(MAX_BODY + 1))
                .when()
                .post("/api/metrics/echo")
                .then()
                .statusCode(413)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(413));
        // no Content-Length: counted while it streams
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(new ByteArrayInputStream("y".repeat(MAX_BODY * 8).getBytes()))
                .when()
                .post("/api/metrics/echo")
                .then()
                .statusCode(413)
                .contentType(PROBLEM_JSON);
        // other routes keep their own, larger limit
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("z".repeat(MAX_BODY * 8))
                .when()
                .post("/api/feedback/echo")
                .then()
                .statusCode(200)
                .body("bodyLength", equalTo(MAX_BODY * 8));
    }

    @Test
    void corsAnswersTheConfiguredOriginOnly() {
        given().header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when()
                .options("/api/feedback/items")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED_ORIGIN);
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when()
                .options("/api/feedback/items")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().auth()
                .oauth2(KeycloakTokens.cachedConnectorToken())
                .header("Origin", "https://evil.example")
                .when()
                .get("/api/metrics/echo")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void inventedMethodsWithoutATokenLeaveNoRequestSeriesOfTheirOwn() {
        for (int i = 0; i < 5; i++) {
            given().when().request("PRB" + i, "/api/x").then().statusCode(org.hamcrest.Matchers.lessThan(500));
        }
        String scrape = io.uptake.testsupport.Management.given()
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(scrape).contains("method=\"OTHER\"").doesNotContain("PRB");
    }

    @Test
    void aPathNoServiceOwnsIsA404Problem() {
        given().auth()
                .oauth2(KeycloakTokens.cachedConnectorToken())
                .when()
                .get("/api/nothing-here")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(404));
    }

    @Test
    void everyResponseCarriesSecurityHeadersAndNoUpstreamServerHeader() {
        given().auth()
                .oauth2(KeycloakTokens.cachedConnectorToken())
                .when()
                .get("/api/metrics/echo")
                .then()
                .statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Strict-Transport-Security", containsString("max-age="))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Server", nullValue());
        given().when().get("/api/metrics/echo").then().statusCode(401).header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void aRequestIdIsKeptOrMadeAndReachesTheUpstreamWithTheTraceContext() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        Response kept = given().auth()
                .oauth2(KeycloakTokens.cachedConnectorToken())
                .header("X-Request-Id", "client-req-42")
                .header("traceparent", traceparent)
                .when()
                .get("/api/metrics/echo");
        kept.then()
                .statusCode(200)
                .header("X-Request-Id", "client-req-42")
                .body("headers.x-request-id", equalTo("client-req-42"))
                .body("headers.authorization", containsString("Bearer "));
        // same trace, sampled; the parent is now the gateway's own span, not the caller's
        assertThat(kept.jsonPath().getString("headers.traceparent"))
                .matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01")
                .isNotEqualTo(traceparent);
        Response made = given().auth()
                .oauth2(KeycloakTokens.cachedConnectorToken())
                .header("X-Request-Id", "not a sane id \u0001")
                .when()
                .get("/api/metrics/echo");
        assertThat(made.statusCode()).isEqualTo(200);
        String requestId = made.header("X-Request-Id");
        assertThat(requestId).matches("[0-9a-f-]{36}");
        assertThat(made.jsonPath().getString("headers.x-request-id")).isEqualTo(requestId);
        assertThat(made.jsonPath().getString("headers.traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void anUpstreamCrashIsAProblemWithoutItsInternals() {
        given().auth()
                .oauth2(KeycloakTokens.cachedConnectorToken())
                .when()
                .get("/api/metrics/crash")
                .then()
                .statusCode(502)
                .contentType(PROBLEM_JSON)
                .body(not(containsString("secret-internal-detail")))
                .body(not(containsString("Exception")));
    }

    @Test
    void aSilentUpstreamIsA504Problem() {
        given().auth()
                .oauth2(KeycloakTokens.cachedConnectorToken())
                .when()
                .get("/api/feedback/slow")
                .then()
                .statusCode(504)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(504));
    }

    @Test
    void anUpstreamThatIsDownIsA503ProblemWithRetryAfter() {
        given().auth()
                .oauth2(KeycloakTokens.cachedConnectorToken())
                .when()
                .get("/api/training/echo")
                .then()
                .statusCode(503)
                .contentType(PROBLEM_JSON)
                .header("Retry-After", equalTo("5"))
                .body("status", equalTo(503));
    }

    @Test
    void withAnUpstreamDownTheGatewayStaysLiveAndReadyAndServesTheOthers() {
        io.uptake.testsupport.Management.given()
                .when()
                .get("/q/health/ready")
                .then()
                .statusCode(200);
        io.uptake.testsupport.Management.given()
                .when()
                .get("/q/health/live")
                .then()
                .statusCode(200);
        String token = KeycloakTokens.cachedConnectorToken();
        given().auth().oauth2(token).when().get("/api/metrics/echo").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/feedback/echo").then().statusCode(200);
    }

    /** Issue 27, low 11: nothing of the management interface on the port the ingress routes to. */
    @Test
    void healthMetricsAndTheApiDocumentAreOnTheManagementPortOnly() {
        io.uptake.testsupport.ServiceChecks.managementPathsAreOffTheApiPort("/openapi", "/openapi.json");
        io.uptake.testsupport.Management.given().when().get("/openapi").then().statusCode(200);
    }

    @Test
    void healthNamesTheStateOfEachUpstreamInItsOwnGroup() {
        io.uptake.testsupport.Management.given()
                .when()
                .get("/q/health/group/upstreams")
                .then()
                .statusCode(503)
                .body("checks.find { it.name == 'upstreams' }.data.metrics", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.feedback", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.training", equalTo("DOWN"));
    }

    @Test
    void aStoppedUpstreamIsA503QuicklyItsCircuitOpensAndItRecovers() {
        String token = KeycloakTokens.cachedConnectorToken();
        given().auth().oauth2(token).when().get("/api/feedback/echo").then().statusCode(200);
        StubUpstream.stopServer();
        try {
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                given().auth()
                        .oauth2(token)
                        .when()
                        .get("/api/feedback/echo")
                        .then()
                        .statusCode(503)
                        .contentType(PROBLEM_JSON)
                        .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                        .body("status", equalTo(503));
                assertThat((System.nanoTime() - started) / 1_000_000)
                        .as("ms to the 503")
                        .isLessThan(2000);
            }
        } finally {
            StubUpstream.startServer();
        }
        int seen = StubUpstream.requests();
        // the circuit is open: the upstream is back, but is not asked until the open period is over
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/feedback/echo")
                .then()
                .statusCode(503)
                .header("Retry-After", matchesPattern("[1-2]"));
        assertThat(StubUpstream.requests()).isEqualTo(seen);
        // other upstreams keep their own circuit
        given().auth().oauth2(token).when().get("/api/metrics/echo").then().statusCode(200);
        // until the open period is over every answer is the circuit's 503, without asking the upstream;
        // then one trial goes through, succeeds, and the circuit closes
        int beforeTrial = StubUpstream.requests();
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    int status = given().auth()
                            .oauth2(token)
                            .when()
                            .get("/api/feedback/echo")
                            .then()
                            .extract()
                            .statusCode();
                    assertThat(status).isIn(200, 503);
                    return status == 200;
                });
        assertThat(StubUpstream.requests())
                .as("upstream requests until the circuit closed")
                .isEqualTo(beforeTrial + 1);
        given().auth().oauth2(token).when().get("/api/feedback/echo").then().statusCode(200);
    }

    @Test
    void eachRouteHasARequestTimerWithStatusAndHistogram() {
        given().auth()
                .oauth2(KeycloakTokens.cachedConnectorToken())
                .when()
                .get("/api/metrics/echo")
                .then()
                .statusCode(200);
        String metrics = io.uptake.testsupport.Management.given()
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(metrics)
                .containsPattern(
                        "uptake_gateway_requests_seconds_count\\{[^}]*route=\"metrics\"[^}]*status=\"200\"[^}]*\\} [1-9]");
        assertThat(metrics).containsPattern("uptake_gateway_requests_seconds_bucket\\{[^}]*route=\"metrics\"");
        assertThat(metrics).containsPattern("uptake_gateway_requests_seconds_count\\{[^}]*status=\"401\"");
    }

    /** The Strict session cookie is withheld on arrival from another site: the page reloads itself once to send it. */
    @Test
    void anArrivalFromAnotherSiteReloadsAsThisSiteBeforeAnySignIn() {
        given().redirects()
                .follow(false)
                .header("Sec-Fetch-Site", "cross-site")
                .header("Sec-Fetch-Mode", "navigate")
                .when()
                .get("/web/adoption?unit=Sales")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body(containsString("<meta http-equiv=\"refresh\" content=\"0\">"))
                .body(containsString("href=\"/web/adoption?unit=Sales\""));
        given().redirects()
                .follow(false)
                .header("Sec-Fetch-Site", "same-origin")
                .header("Sec-Fetch-Mode", "navigate")
                .when()
                .get("/web/adoption")
                .then()
                .statusCode(302);
    }

    @Test
    void theBrowserIsSentToKeycloakWithAPkceChallengeAndAPersonsTokenIsNoSessionThere() {
        Response login = given().redirects().follow(false).when().get("/web");
        assertThat(login.statusCode()).isEqualTo(302);
        String location = login.header("Location");
        assertThat(location)
                .startsWith(LocalInfrastructure.realmUrl() + "/protocol/openid-connect/auth?")
                .contains("client_id=uptake-web")
                .contains("response_type=code")
                .containsPattern("code_challenge=[A-Za-z0-9_-]{43}")
                .contains("code_challenge_method=S256");
        assertThat(login.header("Set-Cookie"))
                .as("the state cookie")
                .contains("q_auth")
                .containsIgnoringCase("HttpOnly");
        // a bearer token opens no browser session
        given().redirects()
                .follow(false)
                .auth()
                .oauth2(KeycloakTokens.cachedAccessToken("alice"))
                .when()
                .get("/web")
                .then()
                .statusCode(302);
    }

    @Test
    void aPersonSignsInAtKeycloakWithPasswordAndPkceIsShownByNameAndSignsOutEverywhere() throws Exception {
        URI gateway = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
        try (AutoCloseable allowed = Browser.allowRedirectsTo(gateway.toString())) {
            Browser browser = new Browser();
            HttpResponse<String> login = browser.open(gateway.resolve("/web"));
            assertThat(login.uri().toString()).startsWith(LocalInfrastructure.realmUrl() + "/");
            assertThat(login.body()).contains("kc-form-login");
            java.util.regex.Matcher action = java.util.regex.Pattern.compile(
                            "<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|<form[^>]*action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"")
                    .matcher(login.body());
            assertThat(action.find()).as("the login form's action").isTrue();
            String formAction = (action.group(1) != null ? action.group(1) : action.group(2)).replace("&amp;", "&");

            HttpResponse<String> signedIn =
                    browser.submit(URI.create(formAction), Map.of("username", "alice", "password", "alice"));
            assertThat(signedIn.statusCode())
                    .as("%s answered %s", signedIn.uri(), signedIn.body())
                    .isEqualTo(200);
            assertThat(signedIn.uri().getPath()).isEqualTo("/web");
            assertThat(signedIn.body()).contains("Signed in as <strong>alice</strong>");
            assertThat(browser.visited())
                    .as("the code came back to the gateway")
                    .anySatisfy(hop -> assertThat(hop.toString())
                            .startsWith(gateway + "/web")
                            .contains("code="));
            // the session is a cookie now: the next visit needs no trip to Keycloak
            assertThat(browser.open(gateway.resolve("/web")).body()).contains("Signed in as <strong>alice</strong>");

            assertThat(browser.cookiesSet())
                    .as("the session cookie is SameSite=Strict")
                    .anySatisfy(cookie ->
                            assertThat(cookie).startsWith("q_session").containsIgnoringCase("SameSite=Strict"));

            // a link or an image another site shows does not sign out: a GET offers the button
            HttpResponse<String> offered = browser.open(gateway.resolve("/web/logout"));
            assertThat(offered.statusCode()).isEqualTo(200);
            assertThat(offered.body()).contains("<form method=\"post\" action=\"/web/logout\"");
            // nor does another site's form
            HttpResponse<String> forged = browser.post(
                    gateway.resolve("/web/logout"),
                    Map.of("Origin", "https://elsewhere.example", "Sec-Fetch-Site", "cross-site"));
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(browser.open(gateway.resolve("/web")).body())
                    .as("still signed in after both")
                    .contains("Signed in as <strong>alice</strong>");

            HttpResponse<String> signedOut = browser.post(
                    gateway.resolve("/web/logout"),
                    Map.of("Origin", gateway.toString(), "Sec-Fetch-Site", "same-origin"));
            assertThat(signedOut.uri().getPath()).isEqualTo("/signed-out");
            assertThat(signedOut.body()).contains("You are signed out");
            assertThat(browser.visited())
                    .as("the session was ended at Keycloak too")
                    .anySatisfy(hop -> assertThat(hop.toString())
                            .startsWith(LocalInfrastructure.realmUrl() + "/protocol/openid-connect/logout"));
            HttpResponse<String> again = browser.open(gateway.resolve("/web"));
            assertThat(again.body())
                    .as("after sign-out, Keycloak asks for the password again")
                    .contains("kc-form-login");
        }
    }
}
