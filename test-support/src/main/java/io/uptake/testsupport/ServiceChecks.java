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
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(allOf(
                        containsString("http_server_requests_seconds_count{method=\"OTHER\""),
                        not(containsString("PRB"))));
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
}
