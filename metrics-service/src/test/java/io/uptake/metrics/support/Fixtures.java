package io.uptake.metrics.support;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static io.uptake.testsupport.KeycloakTokens.connectorToken;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.uptake.testsupport.EventContracts;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test data made through the API, as users and connectors make it: roster entries and usage events. */
public final class Fixtures {

    private Fixtures() {}

    /** A new person on the roster (by an admin), with a fresh user id starting with {@code prefix}. */
    public static String person(String prefix, String businessUnit, String jobRole, boolean executive) {
        return person(prefix, businessUnit, jobRole, executive, null);
    }

    /** The same, reporting to {@code managerId} (null: nobody). */
    public static String person(
            String prefix, String businessUnit, String jobRole, boolean executive, String managerId) {
        String user = prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
        given().auth()
                .oauth2(accessToken("adam"))
                .contentType(ContentType.JSON)
                .body(
                        "{\"displayName\":\"Test person\",\"businessUnit\":\"%s\",\"jobRole\":\"%s\",\"executive\":%s,\"managerId\":%s}"
                                .formatted(
                                        businessUnit,
                                        jobRole,
                                        executive,
                                        managerId == null ? "null" : "\"" + managerId + "\""))
                .when()
                .put("/api/metrics/people/" + user)
                .then()
                .statusCode(201);
        return user;
    }

    /** An event on a day: at 10:00 UTC, or a minute ago when the day is today. */
    public static Map<String, Object> event(String user, String action, LocalDate day) {
        String at = day.equals(LocalDate.now(ZoneOffset.UTC))
                ? Instant.now().minusSeconds(60).toString()
                : day + "T10:00:00Z";
        return Map.of("eventId", UUID.randomUUID().toString(), "userId", user, "action", action, "occurredAt", at);
    }

    /** Posts the events as the CRM connector and checks that every one was accepted. */
    public static void post(List<Map<String, Object>> events) {
        given().auth()
                .oauth2(connectorToken())
                .contentType(ContentType.JSON)
                .body(events)
                .when()
                .post("/api/metrics/events")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(events.size()));
    }

    /** How many events of this person the rollups hold (the consumer applies them asynchronously). */
    public static long rollupTotal(Pool pool, String user) {
        return pool.preparedQuery("select coalesce(sum(events), 0) as total from daily_rollup where user_id = $1")
                .execute(Tuple.of(user))
                .map(rows -> rows.iterator().next().getLong("total"))
                .await()
                .atMost(Duration.ofSeconds(10));
    }

    /**
     * A record of {@code uptake.training-events} for a TRAINING assignment of the skill {@code pipeline}, held to
     * its contract: assigned at 09:00 UTC on {@code assigned}, completed at 15:00 on {@code completed} (null: not).
     */
    public static String trainingEvent(
            String type,
            UUID assignment,
            String user,
            String unit,
            String module,
            String mode,
            String status,
            LocalDate assigned,
            LocalDate dueOn,
            LocalDate completed) {
        String completedAt = completed == null ? "" : ",\"completedAt\":\"" + completed + "T15:00:00Z\"";
        String occurredAt = (completed == null ? assigned : completed) + "T15:00:00Z";
        String value = """
                {"eventId":"%s","type":"%s","occurredAt":"%s","assignment":{"id":"%s","userId":"%s","businessUnit":"%s",
                 "kind":"TRAINING","skill":"pipeline","moduleId":"%s","moduleTitle":"Module %s","mode":"%s","status":"%s",
                 "dueOn":"%s","reason":{"kind":"MANUAL","detail":"assigned by HR"},"assignedBy":"hana","createdAt":"%sT09:00:00Z"%s}}""".formatted(
                        UUID.randomUUID(),
                        type,
                        occurredAt,
                        assignment,
                        user,
                        unit,
                        module,
                        module.substring(0, 8),
                        mode,
                        status,
                        dueOn,
                        assigned,
                        completedAt);
        EventContracts.assertHolds("uptake.training-events", value);
        return value;
    }
}
