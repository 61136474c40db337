package io.uptake.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

/** Checks that every service must pass alike, each run against the service under test (RestAssured's base URI). */
public final class ServiceChecks {

    private ServiceChecks() {}

    /** Request metrics stay bounded: methods nobody uses, sent without a token, leave no series of their own. */
    public static void inventedMethodsLeaveNoSeriesOfTheirOwn(String path) {
        for (int i = 0; i < 3; i++) {
            given().when().request("PRB" + i, path).then().statusCode(lessThan(500));
        }
        Management.given()
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(allOf(
                        containsString("http_server_requests_seconds_count{method=\"OTHER\""),
                        not(containsString("PRB"))));
    }

    /**
     * Health, metrics and the OpenAPI document answer on the management interface only: the port the API is served
     * on (the one a routing mistake could publish) knows none of them.
     */
    public static void managementPathsAreOffTheApiPort(String... more) {
        java.util.List<String> paths = new java.util.ArrayList<>(
                java.util.List.of("/q/health", "/q/health/ready", "/q/metrics", "/q/openapi"));
        paths.addAll(java.util.List.of(more));
        for (String path : paths) {
            given().when().get(path).then().statusCode(404);
        }
        Management.given().when().get("/q/health/ready").then().statusCode(200);
        Management.given().when().get("/q/metrics").then().statusCode(200);
    }

    /**
     * A manager whose token names no business unit (nora, in the dev realm) manages none: each path is refused with
     * the reason, never answered with every unit's data.
     */
    public static void aManagerWithoutAUnitIsRefused(String... paths) {
        String nora = KeycloakTokens.cachedAccessToken("nora");
        for (String path : paths) {
            given().auth()
                    .oauth2(nora)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(403)
                    .body("detail", containsString("names no business unit"));
        }
    }

    /**
     * {@code Location} headers name the address the caller used as the gateway states it ({@code X-Forwarded-Host},
     * {@code -Proto}), and only when the gateway states it: the same headers from any other address (here 127.0.0.2,
     * while the service trusts 127.0.0.1) are ignored. {@code request} makes a fresh creating request line, headers
     * excepted (such as {@code "PUT /api/metrics/actions/x"}), {@code body} its JSON.
     */
    public static void forwardedAddressesCountFromTheGatewayOnly(
            java.util.function.Supplier<String> request, String user, java.util.function.Supplier<String> body) {
        String token = KeycloakTokens.cachedAccessToken(user);
        String fromGateway = RawHttp.location("127.0.0.1", request.get(), token, body.get());
        org.hamcrest.MatcherAssert.assertThat(
                "from the gateway's address",
                fromGateway,
                org.hamcrest.Matchers.startsWith("https://uptake.example.com/api/"));
        String fromElsewhere = RawHttp.location("127.0.0.2", request.get(), token, body.get());
        org.hamcrest.MatcherAssert.assertThat(
                "from another address",
                fromElsewhere,
                allOf(org.hamcrest.Matchers.startsWith("http://"), not(containsString("uptake.example.com"))));
    }
}
