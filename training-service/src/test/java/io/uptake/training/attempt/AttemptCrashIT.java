package io.uptake.training.attempt;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static io.uptake.training.support.Catalogue.HR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.uptake.testsupport.LocalInfrastructure;
import io.uptake.testsupport.PackagedService;
import io.uptake.training.support.Catalogue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the packaged training-service while takers save answers and submit, then a restart:
 * every answer that got a 2xx is still there, every attempt can be submitted and a second submit
 * returns the same result, each weak skill got exactly one assignment, every assignment reached
 * {@code training.assigned} on Kafka under one event id, and a shortfall delivered before and after
 * the kill assigned its test once.
 */
class AttemptCrashIT {

    private static final List<String> TAKERS = List.of("alice", "bob", "carol");
    private static final int TESTS = 6;
    private static final int QUESTIONS_PER_SKILL = 3;
    private static final int KILL_AFTER_SUBMITS = 6;
    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final String EVENTS_TOPIC = "test.uptake.training-events.crash";
    private static final String SHORTFALLS_TOPIC = "test.uptake.adoption-shortfalls.crash";
    private static final String PEOPLE_TOPIC = "test.uptake.people.crash";
    private static final String SHORTFALLS_GROUP = "training-service-shortfalls-crash";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PackagedService service = new PackagedService(
            "training-service",
            "training_test",
            Map.of(
                    "UPTAKE_TOPICS_TRAINING_EVENTS", EVENTS_TOPIC,
                    "UPTAKE_TOPICS_ADOPTION_SHORTFALLS", SHORTFALLS_TOPIC,
                    "UPTAKE_TOPICS_PEOPLE", PEOPLE_TOPIC,
                    "UPTAKE_TOPICS_FOLLOW_UP_ACTIONS", "test.uptake.follow-up-actions.crash",
                    "MP_MESSAGING_INCOMING_SHORTFALLS_IN_GROUP_ID", SHORTFALLS_GROUP,
                    "MP_MESSAGING_INCOMING_PEOPLE_IN_GROUP_ID", "training-service-roster-crash",
                    "UPTAKE_OUTBOX_INTERVAL_MS", "200"),
            // the killed instance's shortfall consumer leaves its group after 6 s instead of the default 45 s
            List.of("-Dmp.messaging.incoming.shortfalls-in.session.timeout.ms=6000"),
            Path.of("target", "training-service-crash-it.log"));

    /** One started attempt: its taker, and the answer planned for each drawn question (right for the strong skill, wrong for the weak). */
    private record Attempt(
            String id, String taker, String token, String weakSkill, String strongSkill, Map<String, String> planned) {}

    @AfterEach
    void stop() throws InterruptedException {
        service.stop();
    }

    @Test
    void acceptedAnswersAndSubmitsSurviveAKillAndAssignEachWeakSkillOnce() throws Exception {
        createTopics();
        service.start();
        RestAssured.baseURI = "http://localhost";
        RestAssured.port = service.port();
        String hr = accessToken(HR);
        Map<String, String> tokens = new HashMap<>();
        TAKERS.forEach(taker -> tokens.put(taker, accessToken(taker)));

        // the catalogue: TESTS tests of two skills each, every question with one right and one wrong option
        List<List<String>> testSkills = new ArrayList<>();
        List<String> testIds = new ArrayList<>();
        for (int t = 0; t < TESTS; t++) {
            List<String> skills = List.of(Catalogue.skill(), Catalogue.skill());
            for (String skill : skills) {
                for (int q = 0; q < QUESTIONS_PER_SKILL; q++) {
                    Catalogue.question(
                            skill,
                            "SINGLE",
                            List.of("right " + Catalogue.unique("o"), "wrong " + Catalogue.unique("o")),
                            0,
                            null);
                }
            }
            testSkills.add(skills);
            testIds.add(Catalogue.test(
                    Map.of(skills.get(0), QUESTIONS_PER_SKILL, skills.get(1), QUESTIONS_PER_SKILL), 70, 0, List.of()));
        }
        Set<String> runSkills = new HashSet<>();
        testSkills.forEach(runSkills::addAll);

        // the shortfall's test: the only one for a business unit of its own
        String unit = Catalogue.unique("Unit");
        String shortfallUser = Catalogue.unique("crash");
        String shortSkill = Catalogue.skill();
        Catalogue.single(shortSkill, 2);
        String relevantTest = Catalogue.test(Map.of(shortSkill, 1), 70, 0, List.of(unit));
        String notice = """
                {"userId":"%s","businessUnit":"%s","jobRole":"sales-rep","period":"WEEK","from":"2026-11-16","to":"2026-11-22",
                 "status":"BELOW","score":40,"gap":60,"missed":[]}""".formatted(shortfallUser, unit);

        // every taker starts every test; which skill a taker fails alternates
        Map<String, List<Attempt>> attemptsOf = new LinkedHashMap<>();
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < TAKERS.size(); i++) {
            String taker = TAKERS.get(i);
            List<Attempt> own = new ArrayList<>();
            for (int t = 0; t < TESTS; t++) {
                String weak = testSkills.get(t).get((i + t) % 2);
                String strong = testSkills.get(t).get((i + t + 1) % 2);
                JsonNode started = json(given().auth()
                        .oauth2(tokens.get(taker))
                        .contentType(ContentType.JSON)
                        .when()
                        .post("/api/training/tests/" + testIds.get(t) + "/attempts")
                        .then()
                        .statusCode(201)
                        .extract()
                        .response());
                Map<String, String> planned = new LinkedHashMap<>();
                for (JsonNode question : started.get("questions")) {
                    String wanted = question.get("skill").asText().equals(weak) ? "wrong " : "right ";
                    for (JsonNode option : question.get("options")) {
                        if (option.get("text").asText().startsWith(wanted)) {
                            planned.put(
                                    question.get("id").asText(),
                                    option.get("id").asText());
                        }
                    }
                }
                assertThat(planned)
                        .as("an answer planned for each drawn question")
                        .hasSize(2 * QUESTIONS_PER_SKILL);
                own.add(new Attempt(started.get("id").asText(), taker, tokens.get(taker), weak, strong, planned));
            }
            attemptsOf.put(taker, own);
            attempts.addAll(own);
        }

        // the takers answer and submit concurrently; the kill comes in the middle
        Map<String, Map<String, String>> acceptedAnswers = new ConcurrentHashMap<>();
        Set<String> submitsSent = ConcurrentHashMap.newKeySet();
        Map<String, JsonNode> acceptedResults = new ConcurrentHashMap<>();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        AtomicBoolean killed = new AtomicBoolean();
        List<Thread> takers = new ArrayList<>();
        for (List<Attempt> own : attemptsOf.values()) {
            takers.add(Thread.ofVirtual().start(() -> {
                try {
                    for (Attempt attempt : own) {
                        for (Map.Entry<String, String> answer :
                                attempt.planned().entrySet()) {
                            int status = putAnswer(attempt, answer.getKey(), answer.getValue())
                                    .statusCode();
                            if (status != 200) {
                                unexpected.add("answer " + attempt.id() + "/" + answer.getKey() + ": " + status);
                                return;
                            }
                            acceptedAnswers
                                    .computeIfAbsent(attempt.id(), id -> new ConcurrentHashMap<>())
                                    .put(answer.getKey(), answer.getValue());
                        }
                        submitsSent.add(attempt.id());
                        Response submitted = submit(attempt);
                        if (submitted.statusCode() != 200) {
                            unexpected.add("submit " + attempt.id() + ": " + submitted.statusCode());
                            return;
                        }
                        acceptedResults.put(attempt.id(), json(submitted));
                    }
                } catch (Exception serviceGone) { // RestAssured rethrows the socket's IOException undeclared
                    if (!killed.get()) {
                        unexpected.add("before the kill: " + serviceGone);
                    }
                }
            }));
        }
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 2; i++) {
                producer.send(new ProducerRecord<>(SHORTFALLS_TOPIC, shortfallUser, notice))
                        .get(30, TimeUnit.SECONDS);
            }
            await().atMost(WITHIN)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> acceptedResults.size() >= KILL_AFTER_SUBMITS || !unexpected.isEmpty());
            killed.set(true);
            service.kill();
            for (Thread taker : takers) {
                taker.join();
            }
            assertThat(unexpected).as("every request before the kill succeeded").isEmpty();
            assertThat(acceptedResults)
                    .as("the kill came before the last submit")
                    .hasSizeLessThan(attempts.size());
            int answered = acceptedAnswers.values().stream().mapToInt(Map::size).sum();
            assertThat(answered)
                    .as("the kill came before the last answer")
                    .isLessThan(attempts.size() * 2 * QUESTIONS_PER_SKILL);
            System.out.printf(
                    "AttemptCrashIT: killed after %d accepted answers of %d, %d accepted submits of %d (%d sent)%n",
                    answered,
                    attempts.size() * 2 * QUESTIONS_PER_SKILL,
                    acceptedResults.size(),
                    attempts.size(),
                    submitsSent.size());

            service.start();
            RestAssured.port = service.port();
            for (int i = 0; i < 2; i++) {
                producer.send(new ProducerRecord<>(SHORTFALLS_TOPIC, shortfallUser, notice))
                        .get(30, TimeUnit.SECONDS);
            }
        }

        // every accepted answer is still there, nothing is there that was never sent, and every attempt submits once
        Map<String, Set<String>> expectedAssignments = new HashMap<>();
        for (Attempt attempt : attempts) {
            JsonNode view = json(given().auth()
                    .oauth2(attempt.token())
                    .when()
                    .get("/api/training/attempts/" + attempt.id())
                    .then()
                    .statusCode(200)
                    .extract()
                    .response());
            Map<String, JsonNode> saved = new HashMap<>();
            for (JsonNode question : view.get("questions")) {
                if (question.hasNonNull("answer")) {
                    saved.put(question.get("id").asText(), question.get("answer"));
                }
            }
            acceptedAnswers
                    .getOrDefault(attempt.id(), Map.of())
                    .forEach((questionId, optionId) -> assertThat(saved.get(questionId))
                            .as("accepted answer to %s in attempt %s", questionId, attempt.id())
                            .isEqualTo(TextNode.valueOf(optionId)));
            saved.forEach((questionId, answer) -> assertThat(answer)
                    .as("saved answer to %s in attempt %s", questionId, attempt.id())
                    .isEqualTo(TextNode.valueOf(attempt.planned().get(questionId))));
            String status = view.get("status").asText();
            if (acceptedResults.containsKey(attempt.id())) {
                assertThat(status)
                        .as("an accepted submit was lost: attempt " + attempt.id())
                        .isEqualTo("SUBMITTED");
            }
            if (!submitsSent.contains(attempt.id())) {
                assertThat(status)
                        .as("attempt %s was never submitted", attempt.id())
                        .isEqualTo("OPEN");
            }
            if (status.equals("OPEN")) {
                for (Map.Entry<String, String> answer : attempt.planned().entrySet()) {
                    if (!saved.containsKey(answer.getKey())) {
                        assertThat(putAnswer(attempt, answer.getKey(), answer.getValue())
                                        .statusCode())
                                .isEqualTo(200);
                    }
                }
            }
            Response first = submit(attempt);
            assertThat(first.statusCode())
                    .as("submit of attempt %s after the restart", attempt.id())
                    .isEqualTo(200);
            JsonNode result = json(first);
            Response second = submit(attempt);
            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(json(second))
                    .as("a second submit returns the same result")
                    .isEqualTo(result);
            if (acceptedResults.containsKey(attempt.id())) {
                assertThat(result)
                        .as("the result accepted before the kill")
                        .isEqualTo(acceptedResults.get(attempt.id()));
            }

            Map<String, Integer> scores = new HashMap<>();
            result.get("skillScores")
                    .forEach(score -> scores.put(
                            score.get("skill").asText(), score.get("score").asInt()));
            assertThat(scores)
                    .as("scores of attempt %s", attempt.id())
                    .isEqualTo(Map.of(attempt.weakSkill(), 0, attempt.strongSkill(), 100));
            assertThat(result.get("passed").asBoolean()).isFalse();
            assertThat(result.get("assignments"))
                    .as("retraining of attempt %s", attempt.id())
                    .hasSize(1);
            JsonNode assignment = result.get("assignments").get(0);
            assertThat(assignment.get("kind").asText()).isEqualTo("TRAINING");
            assertThat(assignment.get("skill").asText()).isEqualTo(attempt.weakSkill());
            assertThat(assignment.get("userId").asText()).isEqualTo(attempt.taker());
            expectedAssignments
                    .computeIfAbsent(attempt.taker(), taker -> new HashSet<>())
                    .add(assignment.get("id").asText());
        }

        // each weak skill has exactly one assignment, no strong skill has one
        Map<String, String> runAssignments = new HashMap<>();
        for (String taker : TAKERS) {
            Map<String, List<String>> bySkill = new HashMap<>();
            for (JsonNode assignment : assignmentsOf(hr, taker)) {
                String skill = assignment.path("skill").asText();
                if (runSkills.contains(skill)) {
                    bySkill.computeIfAbsent(skill, s -> new ArrayList<>())
                            .add(assignment.get("id").asText());
                }
            }
            Map<String, Integer> counts = new HashMap<>();
            bySkill.forEach((skill, ids) -> counts.put(skill, ids.size()));
            Map<String, Integer> weakOnce = new HashMap<>();
            attemptsOf.get(taker).forEach(attempt -> weakOnce.put(attempt.weakSkill(), 1));
            assertThat(counts)
                    .as("assignments of %s per skill of this run", taker)
                    .isEqualTo(weakOnce);
            Set<String> ids = new HashSet<>();
            bySkill.values().forEach(ids::addAll);
            assertThat(ids)
                    .as("the assignments of %s are those the results name", taker)
                    .isEqualTo(expectedAssignments.get(taker));
            bySkill.values().forEach(list -> runAssignments.put(list.get(0), taker));
        }

        // the shortfall delivered twice before the kill and twice after: its four records handled, its test assigned
        // once
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(500)).until(AttemptCrashIT::shortfallsConsumed);
        List<JsonNode> shortfallAssignments = assignmentsOf(hr, shortfallUser);
        assertThat(shortfallAssignments)
                .as("assignments of the person below objectives")
                .hasSize(1);
        JsonNode shortfallAssignment = shortfallAssignments.get(0);
        assertThat(shortfallAssignment.get("kind").asText()).isEqualTo("TEST");
        assertThat(shortfallAssignment.get("testId").asText()).isEqualTo(relevantTest);
        assertThat(shortfallAssignment.get("reason").get("kind").asText()).isEqualTo("SHORTFALL");
        runAssignments.put(shortfallAssignment.get("id").asText(), shortfallUser);

        // training.assigned on Kafka: every assignment at least once, each under one event id, none for an assignment
        // that is not there
        Map<String, Set<String>> eventIds = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(EVENTS_TOPIC).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(WITHIN).pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode event = JSON.readTree(record.value());
                    JsonNode assignment = event.path("assignment");
                    boolean ours = runSkills.contains(assignment.path("skill").asText())
                            || shortfallUser.equals(assignment.path("userId").asText());
                    if (ours && event.path("type").asText().equals("training.assigned")) {
                        assertThat(record.key())
                                .isEqualTo(assignment.path("userId").asText());
                        assertThat(runAssignments)
                                .as("an event for an assignment that is not there")
                                .containsKey(assignment.path("id").asText());
                        eventIds.computeIfAbsent(assignment.path("id").asText(), id -> new HashSet<>())
                                .add(event.path("eventId").asText());
                    }
                }
                return eventIds.keySet().containsAll(runAssignments.keySet());
            });
        }
        assertThat(eventIds.keySet())
                .as("a training.assigned event for each assignment")
                .isEqualTo(runAssignments.keySet());
        eventIds.forEach((assignment, ids) ->
                assertThat(ids).as("event ids of assignment %s", assignment).hasSize(1));
    }

    private static Response putAnswer(Attempt attempt, String questionId, String optionId) {
        return given().auth()
                .oauth2(attempt.token())
                .contentType(ContentType.JSON)
                .body(Map.of("answer", optionId))
                .when()
                .put("/api/training/attempts/" + attempt.id() + "/answers/" + questionId);
    }

    private static Response submit(Attempt attempt) {
        return given().auth().oauth2(attempt.token()).when().post("/api/training/attempts/" + attempt.id() + "/submit");
    }

    /** Every assignment of the person, page by page. */
    private static List<JsonNode> assignmentsOf(String hr, String userId) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = json(given().auth()
                    .oauth2(hr)
                    .queryParam("userId", userId)
                    .queryParam("size", 500)
                    .queryParam("page", page)
                    .when()
                    .get("/api/training/assignments")
                    .then()
                    .statusCode(200)
                    .extract()
                    .response());
            body.get("items").forEach(all::add);
            if (all.size() >= body.get("total").asLong() || body.get("items").isEmpty()) {
                return all;
            }
        }
    }

    private static JsonNode json(Response response) {
        try {
            return JSON.readTree(response.asString());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.asString(), e);
        }
    }

    private static Properties kafka() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.kafkaBootstrap());
        return properties;
    }

    private static void createTopics() throws Exception {
        try (Admin admin = Admin.create(kafka())) {
            for (String topic : List.of(EVENTS_TOPIC, SHORTFALLS_TOPIC, PEOPLE_TOPIC)) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)))
                            .all()
                            .get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    /** The shortfall consumer has committed past every record on its topic. */
    private static boolean shortfallsConsumed() throws Exception {
        try (Admin admin = Admin.create(kafka());
                KafkaConsumer<String, String> consumer = consumer()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(SHORTFALLS_GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            List<TopicPartition> partitions = consumer.partitionsFor(SHORTFALLS_TOPIC).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            return ends.entrySet().stream()
                    .allMatch(end -> end.getValue() == 0
                            || (committed.get(end.getKey()) != null
                                    && committed.get(end.getKey()).offset() >= end.getValue()));
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties properties = kafka();
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties properties = kafka();
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }
}
