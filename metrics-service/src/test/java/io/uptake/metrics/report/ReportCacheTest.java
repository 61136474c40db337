package io.uptake.metrics.report;

import static io.restassured.RestAssured.given;
import static io.uptake.metrics.support.Fixtures.event;
import static io.uptake.metrics.support.Fixtures.person;
import static io.uptake.metrics.support.Fixtures.post;
import static io.uptake.metrics.support.Fixtures.rollupTotal;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.uptake.metrics.objective.Expectation;
import io.uptake.metrics.objective.ObjectiveStore;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A report asked again answers from memory only while nothing it shows has changed. */
@QuarkusTest
class ReportCacheTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    /** How far ahead the scheduled objectives start: room for the answer given before they do. */
    private static final Duration AHEAD = Duration.ofSeconds(20);

    private final Pool pool;
    private final ObjectiveStore objectives;
    private final ReportCache cache;

    ReportCacheTest(Pool pool, ObjectiveStore objectives, ReportCache cache) {
        this.pool = pool;
        this.objectives = objectives;
        this.cache = cache;
    }

    @Test
    void aComputationThatFailedIsNotKept() {
        ReportCache.Key key = ReportCache.key("failing", UUID.randomUUID());
        assertThatThrownBy(() -> cache.summary(key, () -> Uni.createFrom().failure(new IllegalStateException("down")))
                        .await()
                        .atMost(Duration.ofSeconds(10)))
                .hasMessageContaining("down");
        assertThat(cache.summary(key, () -> Uni.createFrom().item("computed again"))
                        .await()
                        .atMost(Duration.ofSeconds(10)))
                .isEqualTo("computed again");
    }

    @Test
    void aNewPersonNewUseAndNewObjectivesEachShowInTheNextAnswer() {
        String unit = "Cache " + UUID.randomUUID().toString().substring(0, 8);
        String first = person("cache", unit, "rep", false);
        adoption().body("find { it.group == '%s' }.people".formatted(unit), equalTo(1));
        adoption().body("find { it.group == '%s' }.people".formatted(unit), equalTo(1));

        String second = person("cache", unit, "rep", false);
        adoption()
                .body("find { it.group == '%s' }.people".formatted(unit), equalTo(2))
                .body("find { it.group == '%s' }.activePeople".formatted(unit), equalTo(0));

        post(List.of(event(first, "login", TODAY), event(second, "login", TODAY)));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> rollupTotal(pool, first) == 1 && rollupTotal(pool, second) == 1);
        adoption()
                .body("find { it.group == '%s' }.activePeople".formatted(unit), equalTo(2))
                .body("find { it.group == '%s' }.meetingObjectives".formatted(unit), equalTo(0.0f));

        given().auth()
                .oauth2(accessToken("adam"))
                .contentType(ContentType.JSON)
                .body("{\"expectations\":[{\"metric\":\"active-days\",\"period\":\"week\",\"min\":1}]}")
                .when()
                .put("/api/metrics/objectives/" + unit + "/rep")
                .then()
                .statusCode(200);
        adoption().body("find { it.group == '%s' }.meetingObjectives".formatted(unit), equalTo(1.0f));
    }

    /**
     * Objectives set ahead of time change the open period's verdict when they start, with no change of the data: the
     * answer kept from before must not outlive them.
     */
    @Test
    void objectivesSetAheadOfTimeShowOnceTheyStartWithoutAnyOtherChange() {
        String unit = "Cache " + UUID.randomUUID().toString().substring(0, 8);
        String ana = person("cache", unit, "rep", false);
        post(List.of(event(ana, "login", TODAY)));
        await().atMost(Duration.ofSeconds(60)).until(() -> rollupTotal(pool, ana) == 1);
        List<Expectation> oneDay = List.of(new Expectation(Expectation.ACTIVE_DAYS, "week", 1));
        List<Expectation> everyDay = List.of(new Expectation(Expectation.ACTIVE_DAYS, "week", 7));
        objectives.replace(unit, "rep", oneDay, null, "test").await().atMost(Duration.ofSeconds(10));
        // the store takes any instant (the API a date): a version that starts in a few seconds, as tomorrow's does
        OffsetDateTime starts = OffsetDateTime.now(ZoneOffset.UTC).plus(AHEAD);
        objectives.replace(unit, "rep", everyDay, starts, "test").await().atMost(Duration.ofSeconds(10));

        adoption().body("find { it.group == '%s' }.meetingObjectives".formatted(unit), equalTo(1.0f));
        assertThat(OffsetDateTime.now(ZoneOffset.UTC))
                .as("the answer above was given before the new objectives started")
                .isBefore(starts);

        await().atMost(AHEAD.plusSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() ->
                        adoption().body("find { it.group == '%s' }.meetingObjectives".formatted(unit), equalTo(0.0f)));
    }

    /** Issue 27, low 8: the company-wide answer, cached, is never served for a unit named "null". */
    @Test
    void aUnitNamedNullIsNotTheWholeCompany() {
        String unit = "Cache " + UUID.randomUUID().toString().substring(0, 8);
        person("cache", unit, "rep", false);
        adoption().body("find { it.group == '%s' }.people".formatted(unit), equalTo(1));
        given().auth()
                .oauth2(accessToken("adam"))
                .queryParam("from", TODAY.minusDays(6).toString())
                .queryParam("to", TODAY.toString())
                .queryParam("businessUnit", "null")
                .when()
                .get("/api/metrics/adoption")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    /** Adoption of every unit over the last 7 days: the same request, so the same cache entry, each time. */
    private static io.restassured.response.ValidatableResponse adoption() {
        return given().auth()
                .oauth2(accessToken("adam"))
                .queryParam("from", TODAY.minusDays(6).toString())
                .queryParam("to", TODAY.toString())
                .when()
                .get("/api/metrics/adoption")
                .then()
                .statusCode(200);
    }
}
