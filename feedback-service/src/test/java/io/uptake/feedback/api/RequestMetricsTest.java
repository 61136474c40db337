package io.uptake.feedback.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Request metrics stay bounded: a method nobody uses is no new series, whoever sends it. */
@QuarkusTest
class RequestMetricsTest {

    @Test
    void inventedMethodsLeaveNoSeriesOfTheirOwn() {
        for (int i = 0; i < 3; i++) {
            given().when()
                    .request("PRB" + i, "/api/feedback/items")
                    .then()
                    .statusCode(org.hamcrest.Matchers.lessThan(500));
        }
        String scrape = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(scrape)
                .contains("http_server_requests_seconds_count{method=\"OTHER\"")
                .doesNotContain("PRB");
    }
}
