package io.uptake.metrics.followup;

import static io.restassured.RestAssured.given;
import static io.uptake.metrics.support.Fixtures.person;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.uptake.testsupport.EventContracts;
import io.uptake.testsupport.TopicReader;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Shortfall follow-ups with real tokens, the real database and the real {@code metrics-test.uptake.follow-up-actions}. */
@QuarkusTest
class FollowUpTest {

    private static final String SALES = "Sales EMEA"; // mark manages it
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private final Pool pool;

    FollowUpTest(Pool pool) {
        this.pool = pool;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static JsonPath record(String manager, String user, String body, int status) {
        return given().auth()
                .oauth2(accessToken(manager))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/metrics/people/" + user + "/follow-ups")
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    private static String followUp(LocalDate metOn, String cause, String action) {
        return """
                {"metOn":"%s","rootCause":"%s","notes":"talked it through","action":%s}""".formatted(metOn, cause, action);
    }

    private static String training(String skill) {
        return """
                {"kind":"training","description":"the pipeline course","skill":"%s","dueOn":"%s"}""".formatted(skill, TODAY.plusDays(14));
    }

    private long followUpsOf(String user) {
        return pool.preparedQuery("select count(*) as n from follow_up where user_id = $1")
                .execute(Tuple.of(user))
                .map(rows -> rows.iterator().next().getLong("n"))
                .await()
                .atMost(Duration.ofSeconds(10));
    }

    @Test
    void aTrainingActionIsAnnouncedOnceAndTheShortfallShowsItWasFollowedUp() {
        String role = "rep-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(accessToken("adam"))
                .contentType(ContentType.JSON)
                .body("{\"expectations\":[{\"metric\":\"active-days\",\"period\":\"week\",\"min\":3}]}")
                .when()
                .put("/api/metrics/objectives/" + SALES + "/" + role)
                .then()
                .statusCode(200);
        String met = person("fu", SALES, role, false);
        String notMet = person("fu", SALES, role, false);

        JsonPath saved = record("mark", met, followUp(TODAY.minusDays(1), "training", training("pipeline")), 201);
        String id = saved.getString("id");
        assertThat(saved.getString("recordedBy")).isEqualTo("mark");
        assertThat(saved.getString("displayName")).isEqualTo("Test person");
        assertThat(saved.getString("recordedByName"))
                .as("mark is not on the roster")
                .isNull();
        assertThat(saved.getString("businessUnit")).isEqualTo(SALES);
        assertThat(saved.getString("action.skill")).isEqualTo("pipeline");
        String quiet =
                record("mark", met, followUp(TODAY, "workload", "null"), 201).getString("id");
        String again = record("mark", met, followUp(TODAY, "tool", training("search")), 201)
                .getString("id");

        // on the real topic: the two training actions, each once, in order; the follow-up without one sends nothing
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<ConsumerRecord<String, String>> records =
                TopicReader.awaitContaining(bootstrap, "metrics-test.uptake.follow-up-actions", id, again);
        assertThat(records).hasSize(2);
        assertThat(records).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(met);
            EventContracts.assertHolds("uptake.follow-up-actions", record.value());
        });
        JsonPath first = JsonPath.from(records.getFirst().value());
        assertThat(first.getString("followUpId")).isEqualTo(id);
        assertThat(first.getString("type")).isEqualTo("follow-up.training-agreed");
        assertThat(first.getString("skill")).isEqualTo("pipeline");
        assertThat(first.getString("dueOn")).isEqualTo(TODAY.plusDays(14).toString());
        assertThat(first.getString("agreedBy")).isEqualTo("mark");
        assertThat(records).noneMatch(record -> record.value().contains(quiet));

        // the person's follow-ups, newest first, paged
        given().auth()
                .oauth2(accessToken("mark"))
                .queryParam("size", 2)
                .when()
                .get("/api/metrics/people/" + met + "/follow-ups")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.size()", equalTo(2))
                .body("items.rootCause", hasItems("workload", "tool"));

        // the shortfall list says who was followed up
        JsonPath shortfalls = given().auth()
                .oauth2(accessToken("mark"))
                .queryParam("size", 1000)
                .when()
                .get("/api/metrics/shortfalls")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> followed = shortfalls.getMap("items.find { it.userId == '" + met + "' }");
        assertThat(followed).containsEntry("followedUp", true).containsEntry("lastFollowUpOn", TODAY.toString());
        Map<String, Object> notFollowed = shortfalls.getMap("items.find { it.userId == '" + notMet + "' }");
        assertThat(notFollowed).containsEntry("followedUp", false);
        assertThat(notFollowed.get("lastFollowUpOn")).isNull();
        String csv = given().auth()
                .oauth2(accessToken("mark"))
                .accept("text/csv")
                .when()
                .get("/api/metrics/shortfalls")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv.lines().filter(line -> line.startsWith(met + ",")))
                .singleElement()
                .satisfies(line -> assertThat(line).endsWith(",true," + TODAY));
    }

    @Test
    void rootCausesPerUnitAndMonth() {
        String unit = "Fu-" + UUID.randomUUID().toString().substring(0, 8);
        String one = person("fu", unit, "rep", false);
        String two = person("fu", unit, "rep", false);
        LocalDate lastMonth = TODAY.withDayOfMonth(1).minusMonths(1).plusDays(3);
        record("adam", one, followUp(lastMonth, "training", "null"), 201);
        record("adam", two, followUp(lastMonth, "training", "null"), 201);
        record("adam", two, followUp(TODAY, "process", "null"), 201);
        JsonPath causes = given().auth()
                .oauth2(accessToken("hana"))
                .queryParam("businessUnit", unit)
                .queryParam("from", TODAY.withDayOfMonth(1).minusMonths(1).toString())
                .queryParam("to", TODAY.toString())
                .when()
                .get("/api/metrics/follow-ups/root-causes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(causes.getList("rootCause")).containsExactly("training", "process");
        assertThat(causes.getList("followUps")).containsExactly(2, 1);
        assertThat(causes.getList("periodStart"))
                .containsExactly(
                        TODAY.withDayOfMonth(1).minusMonths(1).toString(),
                        TODAY.withDayOfMonth(1).toString());
        assertThat(causes.getList("businessUnit")).containsOnly(unit);
    }

    @Test
    void onlyTheUnitsManagerOrAnAdminRecordsAndBadInputWritesNothing() {
        String support = person("fu", "Support", "agent", false);
        record("mark", support, followUp(TODAY, "training", "null"), 403);
        record("alice", support, followUp(TODAY, "training", "null"), 403);
        assertThat(followUpsOf(support)).isZero();

        String sales = person("fu", SALES, "rep", false);
        JsonPath refused = record("mark", sales, """
                {"metOn":"%s","rootCause":"weather","action":{"kind":"training","dueOn":"%s"}}""".formatted(TODAY.plusDays(2), TODAY.plusDays(5)), 400);
        assertThat(refused.getList("errors.field")).containsExactlyInAnyOrder("metOn", "rootCause", "action.skill");
        record("mark", sales, "[1,2]", 400);
        record("adam", "nobody-" + UUID.randomUUID(), followUp(TODAY, "training", "null"), 404);
        assertThat(followUpsOf(sales)).isZero();

        given().auth()
                .oauth2(accessToken("alice"))
                .when()
                .get("/api/metrics/follow-ups/options")
                .then()
                .statusCode(200)
                .body("rootCauses", hasItems("training", "process", "tool", "data-quality", "workload", "motivation"));
        given().auth()
                .oauth2(accessToken("alice"))
                .when()
                .get("/api/metrics/people/" + sales + "/follow-ups")
                .then()
                .statusCode(403);
    }
}
