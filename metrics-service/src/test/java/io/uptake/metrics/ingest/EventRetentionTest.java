package io.uptake.metrics.ingest;

import static io.restassured.RestAssured.given;
import static io.uptake.metrics.support.Fixtures.person;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The event log drops a month past the retention as a partition; the reports, read from the aggregates, do not change. */
@QuarkusTest
class EventRetentionTest {

    private final EventRetention retention;
    private final UsageEventStore store;
    private final Pool pool;

    EventRetentionTest(EventRetention retention, UsageEventStore store, Pool pool) {
        this.retention = retention;
        this.store = store;
        this.pool = pool;
    }

    @Test
    void droppingAnOldPartitionLeavesEveryReportUnchanged() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate oldMonth = today.minusDays(395).withDayOfMonth(1);
        LocalDate recent = today.minusDays(3);
        String unit = "Retention " + UUID.randomUUID().toString().substring(0, 8);
        String user = person("retention", unit, "rep", false);
        pool.preparedQuery("select ensure_usage_event_partitions($1, $2)")
                .execute(Tuple.of(oldMonth, today))
                .await()
                .atMost(Duration.ofSeconds(10));
        store.apply(
                        List.of(
                                event(user, oldMonth.plusDays(3)),
                                event(user, oldMonth.plusDays(4)),
                                event(user, recent)),
                        LocalDate.MIN)
                .await()
                .atMost(Duration.ofSeconds(10));

        List<String> ranges = List.of(
                recent.minusDays(6) + "/" + today,
                oldMonth + "/" + oldMonth.plusDays(27),
                oldMonth + "/" + oldMonth.plusDays(200));
        List<String> before =
                ranges.stream().map(range -> reports(range, unit, user)).toList();
        assertThat(before.get(1)).contains("\"activeDays\":2");

        List<String> dropped =
                retention.dropBefore(oldMonth.plusMonths(1)).await().atMost(Duration.ofSeconds(30));
        assertThat(dropped)
                .contains("usage_event_" + oldMonth.toString().substring(0, 7).replace('-', '_'));
        Long kept = pool.preparedQuery("select count(*) from usage_event where user_id = $1")
                .execute(Tuple.of(user))
                .await()
                .atMost(Duration.ofSeconds(10))
                .iterator()
                .next()
                .getLong(0);
        assertThat(kept).as("only the recent event is left in the log").isEqualTo(1L);

        assertThat(ranges.stream().map(range -> reports(range, unit, user)).toList())
                .isEqualTo(before);
        // the next maintenance makes again every partition the retention needs
        retention.maintain().await().atMost(Duration.ofSeconds(30));
        Boolean exists = pool.preparedQuery("select to_regclass($1) is not null")
                .execute(Tuple.of(
                        "usage_event_" + today.toString().substring(0, 7).replace('-', '_')))
                .await()
                .atMost(Duration.ofSeconds(10))
                .iterator()
                .next()
                .getBoolean(0);
        assertThat(exists).isTrue();
    }

    /** The scorecard, adoption and weekly trend of the range ("from/to") as the API gives them. */
    private static String reports(String range, String unit, String user) {
        String[] ends = range.split("/");
        String admin = accessToken("adam");
        return given().auth()
                        .oauth2(admin)
                        .queryParam("from", ends[0])
                        .queryParam("to", ends[1])
                        .when()
                        .get("/api/metrics/people/" + user + "/scorecard")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString()
                + given().auth()
                        .oauth2(admin)
                        .queryParam("from", ends[0])
                        .queryParam("to", ends[1])
                        .queryParam("businessUnit", unit)
                        .when()
                        .get("/api/metrics/adoption")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString()
                + given().auth()
                        .oauth2(admin)
                        .queryParam("from", ends[0])
                        .queryParam("to", ends[1])
                        .queryParam("businessUnit", unit)
                        .when()
                        .get("/api/metrics/adoption/trend")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
    }

    private static UsageEvent event(String user, LocalDate day) {
        return new UsageEvent(
                UUID.randomUUID(), user, "login", day.atTime(9, 30).toInstant(ZoneOffset.UTC), null, "test");
    }
}
