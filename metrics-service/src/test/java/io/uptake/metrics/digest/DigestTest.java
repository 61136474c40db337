package io.uptake.metrics.digest;

import static io.restassured.RestAssured.given;
import static io.uptake.metrics.support.Fixtures.event;
import static io.uptake.metrics.support.Fixtures.person;
import static io.uptake.metrics.support.Fixtures.post;
import static io.uptake.metrics.support.Fixtures.rollupTotal;
import static io.uptake.metrics.support.Fixtures.trainingEvent;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.uptake.testsupport.EventContracts;
import io.uptake.testsupport.RawRecords;
import io.uptake.testsupport.TopicReader;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The weekly digests of a unit's manager and its people, from real events, on the real {@code metrics-test.uptake.digests}. */
@QuarkusTest
class DigestTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final LocalDate WEEK =
            TODAY.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
    private static final LocalDate WEEK_BEFORE = WEEK.minusWeeks(1);

    private final Pool pool;

    DigestTest(Pool pool) {
        this.pool = pool;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static JsonPath publish(String week, int status) {
        return given().auth()
                .oauth2(accessToken("adam"))
                .queryParam("week", week)
                .when()
                .post("/api/metrics/digests/publish")
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    @Test
    void aManagerHearsOfTheUnitsWeekAndEachPersonOfTheirOwn() {
        String unit = "Dig-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(accessToken("adam"))
                .contentType(ContentType.JSON)
                .body(
                        "{\"expectations\":[{\"metric\":\"active-days\",\"period\":\"week\",\"min\":2}],\"effectiveFrom\":\"%s\"}"
                                .formatted(WEEK_BEFORE))
                .when()
                .put("/api/metrics/objectives/" + unit + "/rep")
                .then()
                .statusCode(200);
        String lead = person("lead", unit, "lead", false, null); // no objectives for leads
        String steady = person("steady", unit, "rep", false, lead);
        String lapsed = person("lapsed", unit, "rep", false, lead);
        // on the roster since before the weeks judged
        pool.preparedQuery("update person_membership set valid_from = '-infinity' where user_id = any($1)")
                .execute(Tuple.of((Object) new String[] {lead, steady, lapsed}))
                .await()
                .atMost(Duration.ofSeconds(10));
        List<Map<String, Object>> events = new ArrayList<>();
        for (int day : new int[] {0, 2, 4}) {
            events.add(event(steady, "record.created", WEEK_BEFORE.plusDays(day)));
            events.add(event(steady, "record.created", WEEK.plusDays(day)));
            events.add(event(lapsed, "record.created", WEEK_BEFORE.plusDays(day)));
        }
        events.add(event(lead, "report.run", WEEK.plusDays(1)));
        post(events);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> rollupTotal(pool, steady) == 6
                        && rollupTotal(pool, lapsed) == 3
                        && rollupTotal(pool, lead) == 1);
        // steady's training is overdue
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        RawRecords.send(
                bootstrap,
                "metrics-test.uptake.training-events",
                steady,
                trainingEvent(
                        "training.assigned",
                        UUID.randomUUID(),
                        steady,
                        unit,
                        UUID.randomUUID().toString(),
                        "ELEARNING",
                        "ASSIGNED",
                        WEEK_BEFORE,
                        TODAY.minusDays(3),
                        null));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> pool.preparedQuery("select count(*) as n from training_assignment where user_id = $1")
                                .execute(Tuple.of(steady))
                                .map(rows -> rows.iterator().next().getLong("n"))
                                .await()
                                .atMost(Duration.ofSeconds(5))
                        == 1);

        JsonPath report = publish(WEEK.toString(), 200);
        assertThat(report.getString("weekStart")).isEqualTo(WEEK.toString());
        assertThat(report.getString("weekEnd")).isEqualTo(WEEK.plusDays(6).toString());
        assertThat(report.getInt("published")).isGreaterThanOrEqualTo(4);

        String managerPart = "\"recipient\":\"" + lead + "\",\"role\":\"manager\"";
        String lapsedPart = "\"recipient\":\"" + lapsed + "\",\"role\":\"employee\"";
        List<ConsumerRecord<String, String>> records =
                TopicReader.awaitContaining(bootstrap, "metrics-test.uptake.digests", managerPart, lapsedPart);
        assertThat(records).hasSize(2);
        records.forEach(record -> EventContracts.assertHolds("uptake.digests", record.value()));
        JsonPath manager = JsonPath.from(records.stream()
                .filter(record -> record.value().contains(managerPart))
                .findFirst()
                .orElseThrow()
                .value());
        assertThat(manager.getString("businessUnit")).isEqualTo(unit);
        assertThat(manager.getInt("manager.people")).isEqualTo(3);
        assertThat(manager.getInt("manager.activePeople")).isEqualTo(2); // steady and lead
        assertThat(manager.getInt("manager.activePeopleLastWeek")).isEqualTo(2); // steady and lapsed
        assertThat(manager.getFloat("manager.meetingObjectives")).isEqualTo(0.333f); // steady of 3
        assertThat(manager.getFloat("manager.meetingObjectivesLastWeek")).isEqualTo(0.667f);
        assertThat(manager.getInt("manager.newShortfalls")).isEqualTo(1);
        assertThat(manager.getList("manager.shortfallPeople")).containsExactly(lapsed);
        assertThat(manager.getList("manager.overdueTrainingPeople")).containsExactly(steady);
        assertThat(manager.getString("employee")).isNull();
        assertThat(manager.getString("text"))
                .contains("Active people: 2 of 3")
                .contains("New shortfalls: 1 (" + lapsed + ")")
                .contains("Overdue training: 1 (" + steady + ")");
        JsonPath employee = JsonPath.from(records.stream()
                .filter(record -> record.value().contains(lapsedPart))
                .findFirst()
                .orElseThrow()
                .value());
        assertThat(employee.getInt("employee.activeDays")).isZero();
        assertThat(employee.getInt("employee.activeDaysLastWeek")).isEqualTo(3);
        assertThat(employee.getInt("employee.score")).isZero();
        assertThat(employee.getInt("employee.scoreLastWeek")).isEqualTo(100);
        assertThat(employee.getString("employee.status")).isEqualTo("INACTIVE");
        assertThat(employee.getString("manager")).isNull();

        // the same week again: nobody of the unit gets a second digest
        JsonPath again = publish(WEEK.toString(), 200);
        assertThat(again.getInt("alreadyPublished")).isGreaterThanOrEqualTo(4);
        long unitDigests = pool.preparedQuery(
                        "select count(*) as n from digest_sent where week_start = $1 and recipient = any($2)")
                .execute(Tuple.of(WEEK, (Object) new String[] {lead, steady, lapsed}))
                .map(rows -> rows.iterator().next().getLong("n"))
                .await()
                .atMost(Duration.ofSeconds(5));
        assertThat(unitDigests).isEqualTo(4); // lead twice (manager, employee), steady, lapsed
    }

    @Test
    void onlyAClosedWeekStartingOnAMondayAndOnlyByAnAdmin() {
        assertThat(publish(WEEK.plusDays(2).toString(), 400).getString("errors[0].field"))
                .isEqualTo("week");
        assertThat(publish(
                                TODAY.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                                        .toString(),
                                400)
                        .getString("errors[0].field"))
                .isEqualTo("week");
        given().auth()
                .oauth2(accessToken("mark"))
                .when()
                .post("/api/metrics/digests/publish")
                .then()
                .statusCode(403)
                .body("status", equalTo(403));
    }
}
