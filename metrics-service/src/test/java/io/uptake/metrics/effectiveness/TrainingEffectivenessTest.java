package io.uptake.metrics.effectiveness;

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
import io.uptake.testsupport.DeadLetters;
import io.uptake.testsupport.RawRecords;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Did the training work: people below their objectives take training (announced on the real
 * {@code metrics-test.uptake.training-events}, one record twice and one out of order), their real usage events before and
 * after, and the report's exact figures by module, mode and unit.
 */
@QuarkusTest
class TrainingEffectivenessTest {

    private static final String TOPIC = "metrics-test.uptake.training-events";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final int WEEKS = 3;
    private static final LocalDate ASSIGNED = TODAY.minusDays(60);
    private static final LocalDate COMPLETED = TODAY.minusDays(30);

    private final Pool pool;

    TrainingEffectivenessTest(Pool pool) {
        this.pool = pool;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** 3 active days a week and 5 records created a week, since well before the windows. */
    private static void objectives(String unit, String role) {
        given().auth()
                .oauth2(accessToken("adam"))
                .contentType(ContentType.JSON)
                .body("""
                        {"expectations":[{"metric":"active-days","period":"week","min":3},
                                         {"metric":"action:record.created","period":"week","min":5}],
                         "effectiveFrom":"%s"}""".formatted(TODAY.minusDays(120)))
                .when()
                .put("/api/metrics/objectives/" + unit + "/" + role)
                .then()
                .statusCode(200);
    }

    /** {@code perDay} records created on each of these days after {@code start}. */
    private static List<Map<String, Object>> created(String user, LocalDate start, int perDay, int... offsets) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int offset : offsets) {
            for (int i = 0; i < perDay; i++) {
                events.add(event(user, "record.created", start.plusDays(offset)));
            }
        }
        return events;
    }

    /** Announces an assignment made on {@code assigned} and completed on {@code completed}; the completion twice, the assignment after it. */
    private static UUID trained(
            String user, String unit, String module, String mode, LocalDate assigned, LocalDate completed) {
        UUID assignment = UUID.randomUUID();
        String done = trainingEvent(
                "training.completed",
                assignment,
                user,
                unit,
                module,
                mode,
                "COMPLETED",
                assigned,
                assigned.plusDays(14),
                completed);
        String made = trainingEvent(
                "training.assigned",
                assignment,
                user,
                unit,
                module,
                mode,
                "ASSIGNED",
                assigned,
                assigned.plusDays(14),
                null);
        RawRecords.send(bootstrap(), TOPIC, user, done, done, made);
        return assignment;
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private long completedTrainings(String unit) {
        return pool.preparedQuery(
                        "select count(*) as n from training_assignment where business_unit = $1 and status = 'COMPLETED'")
                .execute(Tuple.of(unit))
                .map(rows -> rows.iterator().next().getLong("n"))
                .await()
                .atMost(Duration.ofSeconds(10));
    }

    private static JsonPath report(String groupBy, String unit) {
        return given().auth()
                .oauth2(accessToken("hana"))
                .queryParam("groupBy", groupBy)
                .queryParam("businessUnit", unit)
                .queryParam("from", TODAY.minusDays(40).toString())
                .queryParam("weeks", WEEKS)
                .when()
                .get("/api/metrics/training-effectiveness")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void theReportShowsWhoImprovedByModuleModeAndUnitWithExactFigures() {
        String unit = "Eff-" + UUID.randomUUID().toString().substring(0, 8);
        String role = "rep-" + UUID.randomUUID().toString().substring(0, 8);
        objectives(unit, role);
        String ann = person("ann", unit, role, false); // from below to meeting
        String bob = person("bob", unit, role, false); // the same before and after
        String cy = person("cy", unit, role, false); // from inactive to meeting, instructor-led
        String dan = person("dan", unit, role, false); // completed too recently to know
        LocalDate before = ASSIGNED.minusWeeks(WEEKS);
        List<Map<String, Object>> events = new ArrayList<>();
        // before: one day a week with one record (3 of 9 active days, 3 of 15 records: score 27)
        events.addAll(created(ann, before, 1, 0, 7, 14));
        events.addAll(created(bob, before, 1, 0, 7, 14));
        // after: ann 4 days a week with 2 records each (12 days, 24 records: score 100); bob as before; cy 3 days a
        // week
        events.addAll(created(ann, COMPLETED, 2, 1, 2, 3, 4, 8, 9, 10, 11, 15, 16, 17, 18));
        events.addAll(created(bob, COMPLETED, 1, 1, 8, 15));
        events.addAll(created(cy, COMPLETED, 2, 1, 2, 3, 8, 9, 10, 15, 16, 17));
        // use on the days of the assignment and of the completion belongs to neither window
        events.addAll(created(bob, ASSIGNED, 5, 0));
        events.addAll(created(bob, COMPLETED, 5, 0));
        post(events);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        rollupTotal(pool, ann) == 27 && rollupTotal(pool, bob) == 16 && rollupTotal(pool, cy) == 18);

        String moduleOne = UUID.randomUUID().toString();
        String moduleTwo = UUID.randomUUID().toString();
        String moduleThree = UUID.randomUUID().toString();
        UUID annTraining = trained(ann, unit, moduleOne, "ELEARNING", ASSIGNED, COMPLETED);
        trained(bob, unit, moduleOne, "ELEARNING", ASSIGNED, COMPLETED);
        trained(cy, unit, moduleTwo, "INSTRUCTOR_LED", ASSIGNED, COMPLETED);
        trained(dan, unit, moduleThree, "ELEARNING", TODAY.minusDays(10), TODAY.minusDays(5));
        await().atMost(Duration.ofSeconds(60)).until(() -> completedTrainings(unit) == 4);

        JsonPath byModule = report("module", unit);
        assertThat(byModule.getList("")).hasSize(3);
        Map<String, Object> one = row(byModule, moduleOne);
        assertThat(one).containsEntry("label", "Module " + moduleOne.substring(0, 8));
        assertThat(one).containsEntry("peopleTrained", 2).containsEntry("trainings", 2);
        assertThat(one).containsEntry("improved", 1).containsEntry("improvedShare", 0.5f);
        assertThat(one).containsEntry("medianScoreChange", 36.5f); // ann 27 -> 100, bob 27 -> 27
        assertThat(one).containsEntry("medianActiveDaysPerWeekChange", 1.5f); // ann 1 -> 4, bob 1 -> 1
        assertThat(one).containsEntry("belowBefore", 2).containsEntry("meetingAfter", 1);
        assertThat(one).containsEntry("meetingAfterShare", 0.5f).containsEntry("belowToMeeting", 1);
        assertThat(one).containsEntry("pending", 0);
        Map<String, Object> two = row(byModule, moduleTwo);
        assertThat(two).containsEntry("trainings", 1).containsEntry("improved", 1);
        assertThat(two).containsEntry("medianScoreChange", 100.0f).containsEntry("belowToMeeting", 1);
        Map<String, Object> three = row(byModule, moduleThree);
        assertThat(three).containsEntry("trainings", 0).containsEntry("pending", 1);

        JsonPath byMode = report("mode", unit);
        assertThat(byMode.getList("group")).containsExactly("ELEARNING", "INSTRUCTOR_LED");
        assertThat(row(byMode, "ELEARNING"))
                .containsEntry("trainings", 2)
                .containsEntry("improved", 1)
                .containsEntry("pending", 1);
        assertThat(row(byMode, "INSTRUCTOR_LED"))
                .containsEntry("trainings", 1)
                .containsEntry("improvedShare", 1.0f)
                .containsEntry("meetingAfterShare", 1.0f);

        JsonPath byUnit = report("businessUnit", unit);
        assertThat(byUnit.getList("group")).containsExactly(unit);
        assertThat(row(byUnit, unit))
                .containsEntry("peopleTrained", 3)
                .containsEntry("improved", 2)
                .containsEntry("improvedShare", 0.667f)
                .containsEntry("medianScoreChange", 73.0f)
                .containsEntry("belowToMeeting", 2)
                .containsEntry("pending", 1);

        // a training announced after the report was computed is in the next answer (the report is cached per data
        // state)
        trained(cy, unit, moduleThree, "ELEARNING", TODAY.minusDays(9), TODAY.minusDays(4));
        await().atMost(Duration.ofSeconds(60)).until(() -> completedTrainings(unit) == 5);
        assertThat(row(report("businessUnit", unit), unit)).containsEntry("pending", 2);

        // ann's own before and after
        JsonPath own = given().auth()
                .oauth2(accessToken("hana"))
                .queryParam("weeks", WEEKS)
                .when()
                .get("/api/metrics/people/" + ann + "/training-effects")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .extract()
                .jsonPath();
        assertThat(own.getString("[0].assignmentId")).isEqualTo(annTraining.toString());
        assertThat(own.getInt("[0].before.score")).isEqualTo(27);
        assertThat(own.getString("[0].before.status")).isEqualTo("BELOW");
        assertThat(own.getFloat("[0].before.activeDaysPerWeek")).isEqualTo(1.0f);
        assertThat(own.getFloat("[0].before.actionsPerWeek.'record.created'")).isEqualTo(1.0f);
        assertThat(own.getInt("[0].after.score")).isEqualTo(100);
        assertThat(own.getString("[0].after.status")).isEqualTo("MEETING");
        assertThat(own.getFloat("[0].after.actionsPerWeek.'record.created'")).isEqualTo(8.0f);
        assertThat(own.getString("[0].before.from")).isEqualTo(before.toString());
        assertThat(own.getString("[0].after.to"))
                .isEqualTo(COMPLETED.plusWeeks(WEEKS).toString());
        assertThat(own.getInt("[0].scoreChange")).isEqualTo(73);
        assertThat(own.getBoolean("[0].improved")).isTrue();

        // the default window is 4 weeks: the same data, other figures (ann's 4 weeks after hold her 12 days)
        given().auth()
                .oauth2(accessToken("erin"))
                .queryParam("groupBy", "businessUnit")
                .queryParam("businessUnit", unit)
                .queryParam("from", TODAY.minusDays(40).toString())
                .when()
                .get("/api/metrics/training-effectiveness")
                .then()
                .statusCode(200)
                .body("[0].trainings", equalTo(3))
                .body("[0].pending", equalTo(2));
    }

    @Test
    void aTrainingEventThatCannotBeReadGoesToTheDeadLetterTopic() {
        String notJson = "not a training event " + UUID.randomUUID();
        String noAssignmentId = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"training.assigned\","
                + "\"assignment\":{\"userId\":\"nobody\",\"kind\":\"TRAINING\"}}";
        RawRecords.send(bootstrap(), TOPIC, "nobody", notJson, noAssignmentId);
        List<DeadLetters.DeadLetter> dead =
                DeadLetters.awaitHolding(bootstrap(), TOPIC + ".dead-letter", notJson, noAssignmentId);
        assertThat(DeadLetters.reasonFor(dead, noAssignmentId)).startsWith("a training event needs");
        assertThat(DeadLetters.reasonFor(dead, notJson)).isNotBlank();
    }

    @Test
    void onlyHrExecutivesAdminsAndTheUnitsManagerReadIt() {
        given().auth()
                .oauth2(accessToken("alice"))
                .when()
                .get("/api/metrics/training-effectiveness")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(accessToken("mark"))
                .queryParam("businessUnit", "Support")
                .when()
                .get("/api/metrics/training-effectiveness")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(accessToken("mark"))
                .when()
                .get("/api/metrics/training-effectiveness")
                .then()
                .statusCode(200);
        String stranger = person("eve", "Support", "agent", false);
        given().auth()
                .oauth2(accessToken("alice"))
                .when()
                .get("/api/metrics/people/" + stranger + "/training-effects")
                .then()
                .statusCode(403);
    }

    @Test
    void badParametersAreNamed() {
        given().auth()
                .oauth2(accessToken("hana"))
                .queryParam("groupBy", "colour")
                .when()
                .get("/api/metrics/training-effectiveness")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("groupBy"));
        given().auth()
                .oauth2(accessToken("hana"))
                .queryParam("weeks", 0)
                .when()
                .get("/api/metrics/training-effectiveness")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("weeks"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(JsonPath rows, String group) {
        return ((List<Map<String, Object>>) (List<?>) rows.getList(""))
                .stream()
                        .filter(row -> group.equals(row.get("group")))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no row for " + group + " in " + rows.prettify()));
    }
}
