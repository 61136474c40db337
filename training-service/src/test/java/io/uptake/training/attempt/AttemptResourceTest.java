package io.uptake.training.attempt;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static io.uptake.training.support.Catalogue.HR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.uptake.training.support.Catalogue;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Taking a test with real tokens: draw, answers, deadline, submit, scoring, ownership, and no answer key ever shown. */
@QuarkusTest
class AttemptResourceTest {

    private static final String TAKER = "alice";
    private static final String OTHER = "bob";
    private static final String PROBLEM_JSON = "application/problem+json";
    /** A NUMBER key no taker ever sends: if it shows up in a taker's response, the key leaked. */
    private static final double NUMBER_KEY = 4217.25;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pool pool;

    AttemptResourceTest(Pool pool) {
        this.pool = pool;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** One question of each type on one skill, keys and texts known. */
    private record Bank(String skill, String single, String multiple, String order, String number, String testId) {}

    private static Bank bank(int passMark, int retakeAfterHours) {
        String skill = Catalogue.skill();
        String single = Catalogue.question(skill, "SINGLE", List.of("S-a", "S-b", "S-c"), 1, null);
        String multiple =
                Catalogue.question(skill, "MULTIPLE", List.of("M-a", "M-b", "M-c", "M-d"), List.of(0, 2), null);
        String order =
                Catalogue.question(skill, "ORDER", List.of("O-a", "O-b", "O-c", "O-d"), List.of(0, 1, 2, 3), null);
        String number = Catalogue.question(skill, "NUMBER", List.of(), NUMBER_KEY, 0.5);
        String testId = Catalogue.test(Map.of(skill, 4), passMark, retakeAfterHours, List.of());
        BANK_TYPES.putAll(Map.of(single, "SINGLE", multiple, "MULTIPLE", order, "ORDER", number, "NUMBER"));
        return new Bank(skill, single, multiple, order, number, testId);
    }

    /** The bank's question types, by their ids in the bank (a bank has one question of each type). */
    private static final Map<String, String> BANK_TYPES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The id a question of the bank has in this attempt: its own, never the bank's. */
    private static String drawn(JsonNode attempt, String bankQuestionId) {
        String type = BANK_TYPES.get(bankQuestionId);
        for (JsonNode question : attempt.get("questions")) {
            if (question.get("type").asText().equals(type)) {
                String id = question.get("id").asText();
                assertThat(id)
                        .as("the attempt's id of a question is not the bank's")
                        .isNotEqualTo(bankQuestionId);
                return id;
            }
        }
        throw new AssertionError("no " + type + " question in the attempt");
    }

    private static Response start(String user, String testId) {
        return given().auth()
                .oauth2(accessToken(user))
                .contentType(ContentType.JSON)
                .when()
                .post("/api/training/tests/" + testId + "/attempts");
    }

    private static Response put(String user, String attemptId, String questionId, Object answer) {
        return given().auth()
                .oauth2(accessToken(user))
                .contentType(ContentType.JSON)
                .body(Map.of("answer", answer))
                .when()
                .put("/api/training/attempts/" + attemptId + "/answers/" + questionId);
    }

    private static Response submit(String user, String attemptId) {
        return given().auth().oauth2(accessToken(user)).when().post("/api/training/attempts/" + attemptId + "/submit");
    }

    /** The opaque id of the option with this text, in the attempt as drawn. */
    private static String optionId(JsonNode attempt, String questionId, String text) {
        for (JsonNode question : attempt.get("questions")) {
            if (question.get("id").asText().equals(questionId)) {
                for (JsonNode option : question.get("options")) {
                    if (option.get("text").asText().equals(text)) {
                        return option.get("id").asText();
                    }
                }
            }
        }
        throw new AssertionError("no option '" + text + "' in question " + questionId);
    }

    private static JsonNode json(Response response) {
        try {
            return JSON.readTree(response.asString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** No field that could carry a key, the NUMBER key never, and "answer" only as the taker saved it. */
    private static void assertNoAnswerKey(Response response, Map<String, JsonNode> saved) {
        String body = response.asString();
        assertThat(body).doesNotContain(String.valueOf(NUMBER_KEY));
        assertThat(body)
                .doesNotContain("tolerance")
                .doesNotContain("correct")
                .doesNotContain("answerKey")
                .doesNotContain("option_order")
                .doesNotContain("optionOrder");
        walk(json(response), saved);
    }

    private static void walk(JsonNode node, Map<String, JsonNode> saved) {
        if (node.isObject()) {
            if (node.has("answer")) {
                String id = node.path("id").asText();
                assertThat(saved)
                        .as("an answer was shown for question %s that the taker never saved", id)
                        .containsKey(id);
                assertThat(node.get("answer")).isEqualTo(saved.get(id));
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                walk(fields.next().getValue(), saved);
            }
        } else if (node.isArray()) {
            node.forEach(item -> walk(item, saved));
        }
    }

    @Test
    void aTakerScoresWithPartialCreditAndNoResponseEverShowsAnAnswer() {
        Bank bank = bank(80, 0);
        Map<String, JsonNode> saved = new java.util.HashMap<>();

        Response started = start(TAKER, bank.testId());
        started.then().statusCode(201).body("questions.size()", equalTo(4));
        assertNoAnswerKey(started, saved);
        JsonNode attempt = json(started);
        String id = attempt.get("id").asText();
        assertThat(attempt.get("deadline").asText()).isNotBlank();

        // hand-worked: SINGLE right (1), MULTIPLE {a} of {a,c} (0.5), ORDER a,b,d,c (5/6), NUMBER within 0.5 (1)
        List<Object[]> answers = List.of(
                new Object[] {drawn(attempt, bank.single()), optionId(attempt, drawn(attempt, bank.single()), "S-b")},
                new Object[] {
                    drawn(attempt, bank.multiple()), List.of(optionId(attempt, drawn(attempt, bank.multiple()), "M-a"))
                },
                new Object[] {
                    drawn(attempt, bank.order()),
                    List.of(
                            optionId(attempt, drawn(attempt, bank.order()), "O-a"),
                            optionId(attempt, drawn(attempt, bank.order()), "O-b"),
                            optionId(attempt, drawn(attempt, bank.order()), "O-d"),
                            optionId(attempt, drawn(attempt, bank.order()), "O-c"))
                },
                new Object[] {drawn(attempt, bank.number()), NUMBER_KEY + 0.5});
        for (Object[] answer : answers) {
            Response put = put(TAKER, id, (String) answer[0], answer[1]);
            put.then().statusCode(200);
            saved.put((String) answer[0], JSON.valueToTree(answer[1]));
            assertNoAnswerKey(put, saved);
        }

        Response read = given().auth().oauth2(accessToken(TAKER)).when().get("/api/training/attempts/" + id);
        read.then().statusCode(200).body("status", equalTo("OPEN"));
        assertNoAnswerKey(read, saved);

        Response submitted = submit(TAKER, id);
        submitted
                .then()
                .statusCode(200)
                .body("skillScores[0].skill", equalTo(bank.skill()))
                .body("skillScores[0].score", equalTo(83))
                .body("skillScores[0].passed", equalTo(true))
                .body("passed", equalTo(true));
        assertNoAnswerKey(submitted, saved);

        // submitting again returns the same result
        Response again = submit(TAKER, id);
        again.then().statusCode(200);
        assertThat(json(again)).isEqualTo(json(submitted));

        Response after = given().auth().oauth2(accessToken(TAKER)).when().get("/api/training/attempts/" + id);
        after.then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("result.skillScores[0].score", equalTo(83));
        assertNoAnswerKey(after, saved);

        Response tests = given().auth().oauth2(accessToken(TAKER)).when().get("/api/training/tests?size=500");
        tests.then().statusCode(200);
        assertNoAnswerKey(tests, saved);

        Response assignments =
                given().auth().oauth2(accessToken(TAKER)).when().get("/api/training/assignments?size=500");
        assignments.then().statusCode(200);
        assertNoAnswerKey(assignments, saved);

        // answering after submit is a conflict
        put(TAKER, id, drawn(attempt, bank.single()), optionId(attempt, drawn(attempt, bank.single()), "S-a"))
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void aFailedSkillAndWrongAnswersScoreZero() {
        Bank bank = bank(70, 0);
        JsonNode attempt = json(
                start(TAKER, bank.testId()).then().statusCode(201).extract().response());
        String id = attempt.get("id").asText();
        // SINGLE wrong (0), MULTIPLE a+b (1 right − 1 wrong = 0), ORDER reversed (0), NUMBER outside (0); unanswered
        // nothing
        put(TAKER, id, drawn(attempt, bank.single()), optionId(attempt, drawn(attempt, bank.single()), "S-a"))
                .then()
                .statusCode(200);
        put(
                        TAKER,
                        id,
                        drawn(attempt, bank.multiple()),
                        List.of(
                                optionId(attempt, drawn(attempt, bank.multiple()), "M-a"),
                                optionId(attempt, drawn(attempt, bank.multiple()), "M-b")))
                .then()
                .statusCode(200);
        put(
                        TAKER,
                        id,
                        drawn(attempt, bank.order()),
                        List.of(
                                optionId(attempt, drawn(attempt, bank.order()), "O-d"),
                                optionId(attempt, drawn(attempt, bank.order()), "O-c"),
                                optionId(attempt, drawn(attempt, bank.order()), "O-b"),
                                optionId(attempt, drawn(attempt, bank.order()), "O-a")))
                .then()
                .statusCode(200);
        // a later answer replaces an earlier one: first right, then wrong
        put(TAKER, id, drawn(attempt, bank.number()), NUMBER_KEY).then().statusCode(200);
        put(TAKER, id, drawn(attempt, bank.number()), NUMBER_KEY + 0.51).then().statusCode(200);
        submit(TAKER, id)
                .then()
                .statusCode(200)
                .body("skillScores[0].score", equalTo(0))
                .body("skillScores[0].passed", equalTo(false))
                .body("passed", equalTo(false));
    }

    @Test
    void nobodyElseReadsAnswersOrSubmitsAnAttemptButHrReadsIt() {
        Bank bank = bank(70, 0);
        JsonNode attempt = json(
                start(TAKER, bank.testId()).then().statusCode(201).extract().response());
        String id = attempt.get("id").asText();
        String option = optionId(attempt, drawn(attempt, bank.single()), "S-b");

        given().auth()
                .oauth2(accessToken(OTHER))
                .when()
                .get("/api/training/attempts/" + id)
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        put(OTHER, id, drawn(attempt, bank.single()), option)
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        submit(OTHER, id).then().statusCode(404).contentType(PROBLEM_JSON);
        given().when().get("/api/training/attempts/" + id).then().statusCode(401);

        given().auth()
                .oauth2(accessToken(HR))
                .when()
                .get("/api/training/attempts/" + id)
                .then()
                .statusCode(200)
                .body("userId", equalTo(TAKER));
        // the owner's attempt is untouched
        given().auth()
                .oauth2(accessToken(TAKER))
                .when()
                .get("/api/training/attempts/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("OPEN"));
    }

    @Test
    void oneOpenAttemptPerPersonAndTestAndTheRetakeWaitHolds() {
        Bank bank = bank(70, 24);
        String id = start(TAKER, bank.testId()).then().statusCode(201).extract().path("id");
        start(TAKER, bank.testId()).then().statusCode(409).contentType(PROBLEM_JSON);
        // another person may start the same test
        start(OTHER, bank.testId()).then().statusCode(201);

        submit(TAKER, id).then().statusCode(200);
        start(TAKER, bank.testId()).then().statusCode(409).contentType(PROBLEM_JSON);
    }

    @Test
    void aPersonStartsOneTestAtMostPerDayTimesIn24HoursWhateverItsRetakeWait() {
        int perDay = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("uptake.attempts.per-day", Integer.class);
        Bank bank = bank(70, 0);
        for (int i = 0; i < perDay; i++) {
            String id =
                    start(TAKER, bank.testId()).then().statusCode(201).extract().path("id");
            submit(TAKER, id).then().statusCode(200);
        }
        start(TAKER, bank.testId())
                .then()
                .statusCode(429)
                .contentType(PROBLEM_JSON)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("detail", org.hamcrest.Matchers.containsString(perDay + " times in 24 hours"));
        // the cap is per person and test
        start(OTHER, bank.testId()).then().statusCode(201);
    }

    @Test
    void afterTheDeadlineAnswersAreAConflictAndOnlyEarlierAnswersCount() {
        Bank bank = bank(70, 0);
        JsonNode attempt = json(
                start(TAKER, bank.testId()).then().statusCode(201).extract().response());
        String id = attempt.get("id").asText();
        put(TAKER, id, drawn(attempt, bank.single()), optionId(attempt, drawn(attempt, bank.single()), "S-b"))
                .then()
                .statusCode(200);

        // the clock moves past the deadline
        pool.preparedQuery("update attempt set deadline = now() - interval '1 second' where id = $1")
                .execute(Tuple.of(UUID.fromString(id)))
                .await()
                .atMost(Duration.ofSeconds(10));

        put(TAKER, id, drawn(attempt, bank.number()), NUMBER_KEY)
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON);
        // 1 of 4 points: 25
        submit(TAKER, id).then().statusCode(200).body("skillScores[0].score", equalTo(25));
    }

    @Test
    void drawsDifferAndQuestionAndOptionIdsAreFreshForEachAttempt() {
        String skill = Catalogue.skill();
        for (int i = 0; i < 10; i++) {
            Catalogue.single(skill, 4);
        }
        String testId = Catalogue.test(Map.of(skill, 3), 70, 0, List.of());
        Set<Set<String>> draws = new HashSet<>();
        Set<String> optionIds = new HashSet<>();
        Set<String> questionIds = new HashSet<>();
        int options = 0;
        for (int i = 0; i < 5; i++) {
            JsonNode attempt =
                    json(start(TAKER, testId).then().statusCode(201).extract().response());
            Set<String> drawn = new HashSet<>();
            for (JsonNode question : attempt.get("questions")) {
                drawn.add(question.get("prompt").asText());
                questionIds.add(question.get("id").asText());
                for (JsonNode option : question.get("options")) {
                    optionIds.add(option.get("id").asText());
                    options++;
                }
            }
            assertThat(drawn).hasSize(3);
            draws.add(drawn);
            submit(TAKER, attempt.get("id").asText()).then().statusCode(200);
        }
        // 5 draws of 3 from 10 (120 possible sets) all equal: probability 120^-4
        assertThat(draws).hasSizeGreaterThan(1);
        assertThat(optionIds).hasSize(options);
        // 15 questions drawn from 10: some repeat, yet each has an id of its own attempt
        assertThat(questionIds).hasSize(15);
    }

    @Test
    void aTestOutsideTheTakersAudienceIsForbidden() {
        String skill = Catalogue.skill();
        Catalogue.single(skill, 3);
        String testId = Catalogue.test(Map.of(skill, 1), 70, 0, List.of("Support"));
        start(TAKER, testId).then().statusCode(403).contentType(PROBLEM_JSON);
        start("carol", testId).then().statusCode(201);
    }

    @Test
    void badAnswersAndUnknownIdsAreNamed4xx() {
        Bank bank = bank(70, 0);
        JsonNode attempt = json(
                start(TAKER, bank.testId()).then().statusCode(201).extract().response());
        String id = attempt.get("id").asText();
        put(TAKER, id, drawn(attempt, bank.single()), "not-an-option")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("answer"));
        put(TAKER, id, drawn(attempt, bank.number()), "forty")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("answer"));
        put(TAKER, id, drawn(attempt, bank.order()), List.of(optionId(attempt, drawn(attempt, bank.order()), "O-a")))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("answer"));
        given().auth()
                .oauth2(accessToken(TAKER))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .put("/api/training/attempts/" + id + "/answers/" + drawn(attempt, bank.single()))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("answer"));
        put(TAKER, id, UUID.randomUUID().toString(), 1).then().statusCode(404).contentType(PROBLEM_JSON);
        start(TAKER, UUID.randomUUID().toString()).then().statusCode(404).contentType(PROBLEM_JSON);
        given().auth()
                .oauth2(accessToken(TAKER))
                .when()
                .post("/api/training/tests/" + bank.testId() + "/attempts?skill=nope")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("skill"));
    }

    @Test
    void theCatalogueRejectsBadQuestionsAndTestsByField() {
        String skill = Catalogue.skill();
        given().auth()
                .oauth2(accessToken(HR))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "skill",
                        skill,
                        "type",
                        "ORDER",
                        "prompt",
                        "p",
                        "options",
                        List.of("a", "b", "c"),
                        "answer",
                        List.of(0, 1),
                        "difficulty",
                        1))
                .when()
                .post("/api/training/questions")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("answer"));
        given().auth()
                .oauth2(accessToken(HR))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "skill",
                        "no-such-skill-x",
                        "type",
                        "SINGLE",
                        "prompt",
                        "p",
                        "options",
                        List.of("a", "b"),
                        "answer",
                        0,
                        "difficulty",
                        9))
                .when()
                .post("/api/training/questions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("difficulty"));
        given().auth()
                .oauth2(accessToken(HR))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "skill",
                        "no-such-skill-x",
                        "type",
                        "SINGLE",
                        "prompt",
                        "p",
                        "options",
                        List.of("a", "b"),
                        "answer",
                        0,
                        "difficulty",
                        1))
                .when()
                .post("/api/training/questions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("skill"));
        given().auth()
                .oauth2(accessToken(HR))
                .contentType(ContentType.JSON)
                .body("{\"skill\":\"" + skill + "\",\"type\":\"ESSAY\",\"prompt\":\"p\",\"answer\":0,\"difficulty\":1}")
                .when()
                .post("/api/training/questions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("type"));
        given().auth()
                .oauth2(accessToken(HR))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "t",
                        "blueprint",
                        List.of(Map.of("skill", skill, "questions", 5)),
                        "timeLimitMinutes",
                        10,
                        "passMark",
                        70,
                        "retakeAfterHours",
                        0))
                .when()
                .post("/api/training/tests")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("blueprint[0].questions"));
        given().auth()
                .oauth2(accessToken(HR))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "t",
                        "blueprint",
                        List.of(),
                        "timeLimitMinutes",
                        0,
                        "passMark",
                        170,
                        "retakeAfterHours",
                        0))
                .when()
                .post("/api/training/tests")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("blueprint"))
                .body("errors.field", hasItem("timeLimitMinutes"))
                .body("errors.field", hasItem("passMark"));
        // the bank is HR's alone: neither an employee nor an admin reads a question, keys included
        for (String notHr : List.of(TAKER, "adam")) {
            given().auth()
                    .oauth2(accessToken(notHr))
                    .when()
                    .get("/api/training/questions")
                    .then()
                    .statusCode(403);
        }
        given().auth()
                .oauth2(accessToken(TAKER))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "skill",
                        skill,
                        "type",
                        "SINGLE",
                        "prompt",
                        "p",
                        "options",
                        List.of("a", "b"),
                        "answer",
                        0,
                        "difficulty",
                        1))
                .when()
                .post("/api/training/questions")
                .then()
                .statusCode(403);
    }

    @Test
    void concurrentStartsOfOneTestOpenOneAttempt() throws Exception {
        Bank bank = bank(70, 0);
        String token = accessToken(TAKER);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(threads.submit(() -> {
                go.await();
                return given().auth()
                        .oauth2(token)
                        .when()
                        .post("/api/training/tests/" + bank.testId() + "/attempts")
                        .then()
                        .extract()
                        .statusCode();
            }));
        }
        go.countDown();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Integer> result : results) {
            statuses.add(result.get());
        }
        threads.shutdown();
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(7);
    }
}
