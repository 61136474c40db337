package io.uptake.metrics.report;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.uptake.metrics.api.DateRange;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * After a warm-up, the adoption page's requests, exactly as the web app sends them, find their reports already in
 * memory. (Compared by the reports the cache holds, not by a count of computations: the adoption gauges compute in the
 * background too.)
 */
@QuarkusTest
class ReportWarmerTest {

    private final ReportWarmer warmer;
    private final ReportCache cache;

    ReportWarmerTest(ReportWarmer warmer, ReportCache cache) {
        this.warmer = warmer;
        this.cache = cache;
    }

    @Test
    void theAdoptionPageOpensOnReportsAlreadyInMemory() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DateRange pageRange = new DateRange(today.minusDays(83), today);
        warmer.warm(today).await().atMost(Duration.ofSeconds(60));
        Set<ReportCache.Key> warmed = cache.keys();
        assertThat(warmed)
                .filteredOn(key -> key.parameters().contains(pageRange))
                .hasSize(3);

        String range = "from=%s&to=%s".formatted(pageRange.from(), pageRange.to());
        String admin = accessToken("adam");
        for (String request : List.of(
                "adoption/trend?interval=week&groupBy=businessUnit&" + range,
                "adoption?groupBy=businessUnit&" + range,
                "shortfalls?size=25&" + range)) {
            given().auth()
                    .oauth2(admin)
                    .when()
                    .get("/api/metrics/" + request)
                    .then()
                    .statusCode(200);
        }

        assertThat(cache.keys())
                .as("the page's reports in memory after its requests: none of them new")
                .filteredOn(key -> key.parameters().contains(pageRange))
                .allMatch(warmed::contains);
    }
}
