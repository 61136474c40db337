package io.uptake.metrics.report;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** After a warm-up, the adoption page's requests, exactly as the web app sends them, are answered without a computation for everyone. */
@QuarkusTest
class ReportWarmerTest {

    private final ReportWarmer warmer;
    private final ReportCache cache;

    ReportWarmerTest(ReportWarmer warmer, ReportCache cache) {
        this.warmer = warmer;
        this.cache = cache;
    }

    @Test
    void theAdoptionPageOpensOnReportsAlreadyComputed() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        warmer.warm(today).await().atMost(Duration.ofSeconds(60));
        long computedForEveryone = cache.fullComputations();

        String from = today.minusDays(83).toString();
        String to = today.toString();
        String admin = accessToken("adam");
        given().auth()
                .oauth2(admin)
                .queryParam("from", from)
                .queryParam("to", to)
                .queryParam("interval", "week")
                .queryParam("groupBy", "businessUnit")
                .when()
                .get("/api/metrics/adoption/trend")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(admin)
                .queryParam("from", from)
                .queryParam("to", to)
                .queryParam("groupBy", "businessUnit")
                .when()
                .get("/api/metrics/adoption")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(admin)
                .queryParam("from", from)
                .queryParam("to", to)
                .queryParam("size", 25)
                .when()
                .get("/api/metrics/shortfalls")
                .then()
                .statusCode(200);

        assertThat(cache.fullComputations())
                .as("reports computed for everyone after the warm-up")
                .isEqualTo(computedForEveryone);
    }
}
