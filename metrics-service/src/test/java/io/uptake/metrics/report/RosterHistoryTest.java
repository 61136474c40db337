package io.uptake.metrics.report;

import static io.restassured.RestAssured.given;
import static io.uptake.metrics.support.Fixtures.event;
import static io.uptake.metrics.support.Fixtures.person;
import static io.uptake.metrics.support.Fixtures.post;
import static io.uptake.metrics.support.Fixtures.rollupTotal;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A past period counts the people on the roster then, in the unit they had then. */
@QuarkusTest
class RosterHistoryTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private final Pool pool;

    RosterHistoryTest(Pool pool) {
        this.pool = pool;
    }

    @Test
    void someoneWhoMovedOrLeftCountsWhereTheyWereInPeriodsBeforeTheChange() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String from = "From " + suffix;
        String to = "To " + suffix;
        String mover = person("history", from, "rep", false);
        String leaver = person("history", from, "rep", false);
        post(List.of(
                event(mover, "login", TODAY.minusDays(10)),
                event(leaver, "login", TODAY.minusDays(10)),
                event(mover, "login", TODAY)));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> rollupTotal(pool, mover) == 2 && rollupTotal(pool, leaver) == 1);
        String admin = accessToken("adam");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"displayName\":\"Mover\",\"businessUnit\":\"%s\",\"jobRole\":\"analyst\"}".formatted(to))
                .when()
                .put("/api/metrics/people/" + mover)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"displayName\":\"Leaver\",\"businessUnit\":\"%s\",\"jobRole\":\"rep\",\"active\":false}"
                        .formatted(from))
                .when()
                .put("/api/metrics/people/" + leaver)
                .then()
                .statusCode(200);

        LocalDate pastStart = TODAY.minusDays(13);
        LocalDate pastEnd = TODAY.minusDays(7);
        JsonPath past = adoption(admin, pastStart, pastEnd, from);
        assertThat(past.getInt("[0].people")).as("both were in %s then", from).isEqualTo(2);
        assertThat(past.getInt("[0].activePeople")).isEqualTo(2);
        assertThat(adoption(admin, pastStart, pastEnd, to).getList(""))
                .as("nobody was in %s then", to)
                .isEmpty();

        JsonPath now = adoption(admin, TODAY.minusDays(6), TODAY, to);
        assertThat(now.getInt("[0].people")).isEqualTo(1);
        assertThat(now.getString("[0].group")).isEqualTo(to);
        assertThat(adoption(admin, TODAY.minusDays(6), TODAY, from).getList(""))
                .as("the leaver is off the roster now")
                .isEmpty();

        JsonPath weeks = given().auth()
                .oauth2(admin)
                .queryParam("from", pastStart.toString())
                .queryParam("to", TODAY.toString())
                .queryParam("interval", "day")
                .queryParam("groupBy", "jobRole")
                .when()
                .get("/api/metrics/adoption/trend")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> moverRoles = weeks.getList("findAll { it.periodStart == '%s' }.group".formatted(TODAY));
        assertThat(moverRoles).contains("analyst");

        JsonPath card = given().auth()
                .oauth2(admin)
                .queryParam("from", pastStart.toString())
                .queryParam("to", pastEnd.toString())
                .when()
                .get("/api/metrics/people/" + mover + "/scorecard")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(card.getString("businessUnit")).isEqualTo(from);
        assertThat(card.getString("jobRole")).isEqualTo("rep");
        JsonPath current = given().auth()
                .oauth2(admin)
                .when()
                .get("/api/metrics/people/" + mover + "/scorecard")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(current.getString("businessUnit")).isEqualTo(to);
    }

    private static JsonPath adoption(String token, LocalDate start, LocalDate end, String unit) {
        return given().auth()
                .oauth2(token)
                .queryParam("from", start.toString())
                .queryParam("to", end.toString())
                .queryParam("businessUnit", unit)
                .when()
                .get("/api/metrics/adoption")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
