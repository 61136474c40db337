package io.uptake.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.uptake.gateway.support.AllServices;
import io.uptake.gateway.support.EventStreams;
import io.uptake.testsupport.KeycloakTokens;
import io.uptake.testsupport.WriteKeyRequests;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Through the gateway to the real, packaged metrics-service, with real tokens from the local Keycloak. How the gateway
 * answers for an upstream that is down is in {@link ProtectionTest}, whose stub plays one.
 */
@QuarkusTest
@WithTestResource(AllServices.class)
class GatewayTest {

    private static final String EMPLOYEE = "alice";
    private static final String ADMIN = "adam";
    private static final String PROBLEM_JSON = "application/problem+json";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static String accessToken(String user) {
        String realm = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        return given().formParam("grant_type", "password")
                .formParam("client_id", "uptake-cli")
                .formParam("username", user)
                .formParam("password", user)
                .when()
                .post(realm + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    @Test
    void withoutATokenTheGatewayAnswers401() {
        given().when().get("/api/metrics/actions").then().statusCode(401);
    }

    @Test
    void aForgedTokenIsRejectedAtTheGateway() {
        given().auth()
                .oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJl")
                .when()
                .get("/api/metrics/actions")
                .then()
                .statusCode(401);
    }

    @Test
    void aRealTokenReachesTheServiceThroughTheGateway() {
        String token = accessToken(EMPLOYEE);
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/metrics/actions?size=5")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("size", equalTo(5))
                .body("items.size()", equalTo(5));
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/metrics/actions/login")
                .then()
                .statusCode(200)
                .body("name", equalTo("Signed in"));
    }

    @Test
    void theServiceChecksRolesOnTheRelayedToken() {
        given().auth()
                .oauth2(accessToken(EMPLOYEE))
                .contentType(ContentType.JSON)
                .body("{\"name\":\"Not allowed\"}")
                .when()
                .put("/api/metrics/actions/gateway.denied")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void aRequestBodyStreamsToTheServiceAndTheAnswerStreamsBack() {
        String code = "gateway.probe-" + UUID.randomUUID().toString().substring(0, 8);
        String description = "x".repeat(200_000);
        given().auth()
                .oauth2(accessToken(ADMIN))
                .contentType(ContentType.JSON)
                .body("{\"name\":\"Through the gateway\",\"description\":\"" + description.substring(0, 1000) + "\"}")
                .when()
                .put("/api/metrics/actions/" + code)
                .then()
                .statusCode(201)
                .header(
                        "Location",
                        equalTo(RestAssured.baseURI + ":" + RestAssured.port + "/api/metrics/actions/" + code))
                .body("name", equalTo("Through the gateway"));

        given().auth()
                .oauth2(accessToken(ADMIN))
                .contentType(ContentType.JSON)
                .body("{\"name\":\"Too long\",\"description\":\"" + description + "\"}")
                .when()
                .put("/api/metrics/actions/" + code)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("description"));
    }

    @Test
    void segmentsTrackingApiIsServedAtTheRootWithAWriteKeyAndNoToken() {
        String key = WriteKeyRequests.key("{\"name\":\"Through the gateway\"}");
        String track = "{\"messageId\":\"" + UUID.randomUUID() + "\",\"userId\":\"alice\",\"event\":\"login\"}";
        given().auth()
                .preemptive()
                .basic(key, "")
                .contentType(ContentType.JSON)
                .body(track)
                .when()
                .post("/v1/track")
                .then()
                .statusCode(200)
                .header("RateLimit-Limit", org.hamcrest.Matchers.notNullValue())
                .body("success", equalTo(true))
                .body("accepted", equalTo(1));
        given().contentType(ContentType.JSON)
                .body(track)
                .when()
                .post("/v1/track")
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic"));
    }

    @Test
    void anEventLogFileAboveTheUsualBodyLimitStreamsThroughWithAWriteKeyMadeForIt() {
        String key = WriteKeyRequests.key("{\"name\":\"Nightly EventLogFile job\",\"eventLogs\":true}");
        int lines = 40_000;
        String csv = io.uptake.testsupport.EventLogFiles.ofNobody(lines);
        assertThat(csv.length()).isGreaterThan(10 * 1024 * 1024);

        given().auth()
                .preemptive()
                .basic(key, "")
                .contentType("text/csv")
                .body(csv)
                .when()
                .post("/api/metrics/imports/salesforce-event-log")
                .then()
                .statusCode(200)
                .body("lines", equalTo(lines))
                .body("unmapped", equalTo(lines));
        // the same size elsewhere under /api/metrics is over that route's limit, and a key opens nothing else
        given().auth()
                .oauth2(accessToken(ADMIN))
                .contentType(ContentType.JSON)
                .body(csv)
                .when()
                .post("/api/metrics/events")
                .then()
                .statusCode(413)
                .contentType(PROBLEM_JSON);
        given().auth()
                .preemptive()
                .basic(key, "")
                .when()
                .get("/api/metrics/people")
                .then()
                .statusCode(401);
    }

    @Test
    void scimProvisioningIsServedThroughTheGatewayToADirectorysToken() {
        String userName = "gw-scim-" + UUID.randomUUID().toString().substring(0, 8);
        String enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
        given().auth()
                .oauth2(KeycloakTokens.cachedProvisionerToken())
                .contentType("application/scim+json")
                .body("{\"userName\": \"" + userName + "\", \"name\": {\"formatted\": \"Gia Gateway\"}, "
                        + "\"title\": \"sales-rep\", \"" + enterprise + "\": {\"department\": \"Sales EMEA\"}}")
                .when()
                .post("/scim/v2/Users")
                .then()
                .statusCode(201)
                .contentType(org.hamcrest.Matchers.containsString("application/scim+json"))
                .body("id", equalTo(userName));
        given().auth()
                .oauth2(KeycloakTokens.cachedProvisionerToken())
                .queryParam("filter", "userName eq \"" + userName + "\"")
                .when()
                .get("/scim/v2/Users")
                .then()
                .statusCode(200)
                .body("totalResults", equalTo(1))
                .body("Resources[0].name.formatted", equalTo("Gia Gateway"));
        given().auth()
                .oauth2(accessToken(ADMIN))
                .when()
                .get("/api/metrics/people/" + userName)
                .then()
                .statusCode(200)
                .body("displayName", equalTo("Gia Gateway"));
    }

    @Test
    void aTokenIsVerifiedOnceAndThenRememberedButATamperedCopyIsNot() {
        String token = accessToken(EMPLOYEE); // a fresh token, never sent before
        double checked = tokens("checked");
        double remembered = tokens("remembered");
        for (int i = 0; i < 5; i++) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/metrics/actions?size=1")
                    .then()
                    .statusCode(200);
        }
        assertThat(tokens("checked") - checked).isEqualTo(1.0);
        assertThat(tokens("remembered") - remembered).isEqualTo(4.0);

        String signature = token.substring(token.lastIndexOf('.') + 1);
        String tampered = token.substring(0, token.lastIndexOf('.') + 1)
                + (signature.charAt(0) == 'A' ? 'B' : 'A')
                + signature.substring(1);
        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(tampered)
                    .when()
                    .get("/api/metrics/actions?size=1")
                    .then()
                    .statusCode(401);
        }
        assertThat(tokens("checked") - checked).isEqualTo(3.0);
        assertThat(tokens("remembered") - remembered).isEqualTo(4.0);
    }

    /**
     * The streams reach the real feedback-service over shared HTTP/2 connections; a stream the caller closes is reset
     * upstream too, so the service gives the person's seat back (it holds 3 a person; one more is its 429).
     */
    @Test
    void aStreamTheCallerClosesIsClosedUpstreamAndItsSeatComesBack() throws Exception {
        String token = accessToken("nora");
        String stream = "/api/feedback/celebrations/stream";
        java.util.List<java.io.InputStream> open = new java.util.ArrayList<>();
        try {
            java.net.http.HttpResponse<java.io.InputStream> answer = EventStreams.open(stream, token);
            while (answer.statusCode() == 200 && open.size() < 5) {
                open.add(answer.body());
                answer = EventStreams.open(stream, token);
            }
            answer.body().close();
            assertThat(open)
                    .as("streams opened before the service's per-person limit")
                    .isNotEmpty();
            assertThat(answer.statusCode())
                    .as("the feedback-service's own limit, relayed")
                    .isEqualTo(429);

            open.remove(0).close();
            EventStreams.openWhenFree(stream, token, open);
        } finally {
            EventStreams.closeAll(open);
        }
    }

    private static double tokens(String verification) {
        String metrics = io.uptake.testsupport.Management.given()
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return metrics.lines()
                .filter(line -> line.startsWith("uptake_gateway_tokens_total{")
                        && line.contains("verification=\"" + verification + "\""))
                .mapToDouble(line -> Double.parseDouble(
                        line.substring(line.indexOf("} ") + 2).split(" ")[0])) // an exemplar may follow
                .sum();
    }
}
