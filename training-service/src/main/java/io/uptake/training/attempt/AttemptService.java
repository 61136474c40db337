package io.uptake.training.attempt;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.access.Caller;
import io.uptake.platform.api.Conflict;
import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.Json;
import io.uptake.training.access.TrainingAccess;
import io.uptake.training.assessment.TestStore;
import io.uptake.training.assessment.TestView;
import io.uptake.training.assignment.AssignmentStore;
import io.uptake.training.assignment.Retraining;
import io.uptake.training.assignment.TrainingEvents;
import io.uptake.training.question.QuestionType;
import io.uptake.training.skill.SkillScore;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Taking a test: start (random draw per blueprint, shuffled options with opaque ids, a deadline),
 * save answers one by one, submit (scored here, once). Only the owner touches an attempt; HR reads it.
 */
@ApplicationScoped
public class AttemptService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Pool pool;
    private final Json json;
    private final AttemptStore store;
    private final TestStore tests;
    private final AssignmentStore assignments;
    private final Retraining retraining;
    private final TrainingEvents events;
    private final int perDay;

    public AttemptService(
            Pool pool,
            Json json,
            AttemptStore store,
            TestStore tests,
            AssignmentStore assignments,
            Retraining retraining,
            TrainingEvents events,
            AttemptsConfig config) {
        this.pool = pool;
        this.json = json;
        this.store = store;
        this.tests = tests;
        this.assignments = assignments;
        this.retraining = retraining;
        this.events = events;
        this.perDay = config.perDay();
    }

    /** Starts an attempt, optionally of one skill of the test only (a re-test). */
    public Uni<AttemptView> start(Caller caller, UUID testId, String onlySkill) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return pool.withTransaction(connection -> tests.find(connection, testId).flatMap(test -> {
                    if (test == null) {
                        throw new NotFoundException("No test " + testId);
                    }
                    if (onlySkill != null
                            && test.blueprint().stream()
                                    .noneMatch(item -> item.skill().equals(onlySkill))) {
                        throw new InvalidInput("skill", "the test does not cover skill '" + onlySkill + "'");
                    }
                    return mayTake(connection, caller, test, onlySkill)
                            .flatMap(allowed -> {
                                if (!allowed) {
                                    throw new ForbiddenException(
                                            onlySkill == null
                                                    ? "The test is not open to you"
                                                    : "Only an open re-test of '" + onlySkill
                                                            + "' lets you take that skill alone; take the whole test");
                                }
                                return closeExpired(connection, caller.userId(), testId, now);
                            })
                            .flatMap(closed -> store.openAttempt(connection, testId, caller.userId()))
                            .flatMap(open -> {
                                if (open != null) {
                                    throw new Conflict("You have an open attempt of this test: " + open);
                                }
                                return store.lastSubmitted(connection, testId, caller.userId());
                            })
                            .call(last -> withinDailyCap(connection, caller, testId, now))
                            .flatMap(previous -> {
                                if (previous != null
                                        && previous.plusHours(test.retakeAfterHours())
                                                .isAfter(now)) {
                                    throw new Conflict("This test can be taken again from "
                                            + previous.plusHours(test.retakeAfterHours()));
                                }
                                return draw(connection, caller, test, onlySkill, now);
                            });
                }))
                .onFailure(PgException.class)
                .transform(AttemptService::uniqueOpenAttempt);
    }

    /** Fails with 429 (and when to retry) once the person started {@code uptake.attempts.per-day} attempts in 24 h. */
    private Uni<Void> withinDailyCap(SqlConnection connection, Caller caller, UUID testId, OffsetDateTime now) {
        return store.startedSince(connection, testId, caller.userId(), now.minusDays(1))
                .map(started -> {
                    if (started.count() < perDay) {
                        return null;
                    }
                    OffsetDateTime again = started.first().plusDays(1);
                    long seconds =
                            Math.max(1, java.time.Duration.between(now, again).toSeconds());
                    throw new WebApplicationException(
                            "You have started this test " + perDay + " times in 24 hours; it can be taken again from "
                                    + again,
                            Response.status(429).header("Retry-After", seconds).build());
                });
    }

    private static Throwable uniqueOpenAttempt(Throwable failure) {
        return "23505".equals(((PgException) failure).getSqlState())
                ? new Conflict("You have an open attempt of this test")
                : failure;
    }

    /**
     * The whole test: open to the person's business unit and job role, or assigned to them. One skill alone: only
     * with an open re-test of that skill, so that a part never stands for the whole.
     */
    private Uni<Boolean> mayTake(SqlConnection connection, Caller caller, TestView test, String onlySkill) {
        if (onlySkill == null && test.openTo(caller.businessUnit(), caller.jobRole())) {
            return Uni.createFrom().item(true);
        }
        return assignments.hasOpenTest(connection, caller.userId(), test.id(), onlySkill);
    }

    private Uni<AttemptView> draw(
            SqlConnection connection, Caller caller, TestView test, String onlySkill, OffsetDateTime now) {
        List<String> skills = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        test.blueprint().stream()
                .filter(item -> onlySkill == null || item.skill().equals(onlySkill))
                .forEach(item -> {
                    skills.add(item.skill());
                    counts.add(item.questions());
                });
        AttemptStore.Attempt attempt = new AttemptStore.Attempt(
                UUID.randomUUID(),
                test.id(),
                caller.userId(),
                caller.businessUnit(),
                caller.jobRole(),
                onlySkill,
                now,
                now.plusMinutes(test.timeLimitMinutes()),
                null,
                null);
        return store.draw(connection, skills, counts).flatMap(drawn -> {
            List<AttemptView.TakerQuestion> questions = new ArrayList<>();
            List<AttemptStore.Placed> placed = new ArrayList<>();
            for (AttemptStore.Drawn question : drawn) {
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < question.options().size(); i++) {
                    order.add(i);
                }
                java.util.Collections.shuffle(order, RANDOM);
                List<AttemptView.Option> options = new ArrayList<>();
                String[] optionIds = new String[question.options().size()];
                for (int i = 0; i < order.size(); i++) {
                    optionIds[i] = opaqueId();
                    options.add(new AttemptView.Option(
                            optionIds[i], question.options().get(order.get(i))));
                }
                UUID publicId = UUID.randomUUID();
                questions.add(new AttemptView.TakerQuestion(
                        publicId, question.skill(), question.type().name(), question.prompt(), options, null));
                placed.add(new AttemptStore.Placed(
                        placed.size(), question.questionId(), optionIds, order.toArray(Integer[]::new), publicId));
            }
            return store.insert(connection, attempt, placed)
                    .chain(() -> assignments.startTests(connection, caller.userId(), test.id(), onlySkill))
                    .replaceWith(new AttemptView(
                            attempt.id(),
                            test.id(),
                            caller.userId(),
                            AttemptStatus.OPEN,
                            now,
                            attempt.deadline(),
                            null,
                            questions,
                            null));
        });
    }

    /** Saves one answer; 409 once the deadline has passed or the attempt is submitted. */
    public Uni<AttemptView.TakerQuestion> answer(Caller caller, UUID attemptId, UUID questionId, JsonNode answer) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return pool.withTransaction(connection -> store.findForShare(connection, attemptId)
                .flatMap(attempt -> {
                    if (attempt == null || !attempt.userId().equals(caller.userId())) {
                        throw new NotFoundException("No attempt " + attemptId + " of yours");
                    }
                    if (attempt.submittedAt() != null) {
                        throw new Conflict("The attempt is submitted; answers can no longer change");
                    }
                    if (!now.isBefore(attempt.deadline())) {
                        throw new Conflict("The deadline of the attempt has passed (" + attempt.deadline() + ")");
                    }
                    return store.question(connection, attemptId, questionId);
                })
                .flatMap(question -> {
                    if (question == null) {
                        throw new NotFoundException("No question " + questionId + " in attempt " + attemptId);
                    }
                    validateAnswer(question.type(), List.of(question.optionIds()), answer);
                    return store.saveAnswer(connection, attemptId, questionId, answer.toString())
                            .replaceWith(takerQuestion(question, answer));
                }));
    }

    /** Scores the attempt once; a second submit returns the stored result. */
    public Uni<AttemptResult> submit(Caller caller, UUID attemptId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return pool.withTransaction(connection -> store.findForUpdate(connection, attemptId)
                        .flatMap(attempt -> {
                            if (attempt == null || !attempt.userId().equals(caller.userId())) {
                                throw new NotFoundException("No attempt " + attemptId + " of yours");
                            }
                            if (attempt.submittedAt() != null) {
                                return Uni.createFrom().item(json.read(attempt.result(), AttemptResult.class));
                            }
                            return score(connection, attempt, now);
                        }))
                .invoke(events::runSoon);
    }

    /** Submits, as of their deadline, the person's expired attempts of the test that were never submitted. */
    private Uni<Void> closeExpired(SqlConnection connection, String userId, UUID testId, OffsetDateTime now) {
        return store.expiredForUpdate(connection, testId, userId, now)
                .flatMap(attempt -> attempt == null
                        ? Uni.createFrom().voidItem()
                        : score(connection, attempt, attempt.deadline()).replaceWithVoid());
    }

    private Uni<AttemptResult> score(
            SqlConnection connection, AttemptStore.Attempt attempt, OffsetDateTime submittedAt) {
        return tests.find(connection, attempt.testId())
                .flatMap(test -> store.keyed(connection, attempt.id()).flatMap(questions -> {
                    List<SkillScore> scores = scores(test, questions);
                    boolean passed = scores.stream().allMatch(SkillScore::passed);
                    Retraining.Scored scored = new Retraining.Scored(
                            attempt.id(),
                            attempt.testId(),
                            attempt.userId(),
                            attempt.businessUnit(),
                            attempt.jobRole(),
                            attempt.skill(),
                            scores,
                            submittedAt);
                    return retraining
                            .afterScoring(connection, scored)
                            .map(assigned -> new AttemptResult(passed, scores, assigned))
                            .call(result -> store.submit(connection, attempt.id(), submittedAt, result));
                }));
    }

    /** The score per skill, in the order the skills were drawn. */
    private List<SkillScore> scores(TestView test, List<AttemptStore.Keyed> questions) {
        Map<String, double[]> points = new LinkedHashMap<>();
        for (AttemptStore.Keyed question : questions) {
            double credit = credit(question);
            double[] sum = points.computeIfAbsent(question.skill(), skill -> new double[2]);
            sum[0] += credit;
            sum[1] += 1;
        }
        List<SkillScore> scores = new ArrayList<>();
        points.forEach((skill, sum) -> {
            int score = Scoring.skillScore(sum[0], (int) sum[1]);
            int passMark = test.passMarkOf(skill);
            scores.add(new SkillScore(skill, score, passMark, score >= passMark, (int) sum[1]));
        });
        return scores;
    }

    /** The points one saved answer earns, after mapping the taker's option ids back to the original option indexes. */
    private double credit(AttemptStore.Keyed question) {
        String given = question.given();
        if (given == null) {
            return 0.0;
        }
        JsonNode key = json.tree(question.key());
        JsonNode answer = json.tree(given);
        List<String> optionIds = Arrays.asList(question.optionIds());
        Integer[] order = question.optionOrder();
        switch (question.type()) {
            case SINGLE:
                return Scoring.single(key.asInt(), original(optionIds, order, answer.asText()));
            case NUMBER:
                Double tolerance = question.tolerance();
                return Scoring.number(
                        key.asDouble(),
                        tolerance == null ? 0.0 : tolerance,
                        answer.isNumber() ? answer.asDouble() : null);
            case MULTIPLE: {
                Set<Integer> keySet = new HashSet<>();
                key.forEach(item -> keySet.add(item.asInt()));
                Set<Integer> chosen = new HashSet<>();
                answer.forEach(item -> chosen.add(original(optionIds, order, item.asText())));
                return Scoring.multiple(keySet, chosen);
            }
            case ORDER: {
                List<Integer> keyList = new ArrayList<>();
                key.forEach(item -> keyList.add(item.asInt()));
                List<Integer> givenList = new ArrayList<>();
                answer.forEach(item -> givenList.add(original(optionIds, order, item.asText())));
                return Scoring.order(keyList, givenList);
            }
            default:
                return 0.0;
        }
    }

    private static Integer original(List<String> optionIds, Integer[] order, String optionId) {
        int shown = optionIds.indexOf(optionId);
        return shown < 0 ? -1 : order[shown];
    }

    /** An answer must fit its question: an option id of this attempt, an array of them, or a number. */
    static void validateAnswer(QuestionType type, List<String> optionIds, JsonNode answer) {
        String problem = switch (type) {
            case SINGLE ->
                answer.isTextual() && optionIds.contains(answer.asText())
                        ? null
                        : "must be one of the question's option ids";
            case NUMBER -> answer.isNumber() ? null : "must be a number";
            case MULTIPLE, ORDER -> {
                if (!answer.isArray()) {
                    yield "must be an array of the question's option ids";
                }
                Set<String> seen = new HashSet<>();
                for (JsonNode item : answer) {
                    if (!item.isTextual() || !optionIds.contains(item.asText()) || !seen.add(item.asText())) {
                        yield "must be an array of distinct option ids of the question";
                    }
                }
                yield type == QuestionType.ORDER && seen.size() != optionIds.size()
                        ? "must list every option id of the question once"
                        : null;
            }
        };
        if (problem != null) {
            throw new InvalidInput("answer", problem);
        }
    }

    /** The attempt for its owner or HR/admin; scores once submitted. */
    public Uni<AttemptView> find(Caller caller, UUID attemptId) {
        return pool.withConnection(connection -> store.find(connection, attemptId)
                .flatMap(attempt -> {
                    if (attempt == null
                            || !(attempt.userId().equals(caller.userId()) || TrainingAccess.readsAll(caller))) {
                        throw new NotFoundException("No attempt " + attemptId + " of yours");
                    }
                    return store.questions(connection, attemptId)
                            .map(questions -> new AttemptView(
                                    attempt.id(),
                                    attempt.testId(),
                                    attempt.userId(),
                                    attempt.submittedAt() == null ? AttemptStatus.OPEN : AttemptStatus.SUBMITTED,
                                    attempt.startedAt(),
                                    attempt.deadline(),
                                    attempt.submittedAt(),
                                    questions.stream()
                                            .map(question -> takerQuestion(
                                                    question,
                                                    question.given() == null ? null : json.tree(question.given())))
                                            .toList(),
                                    attempt.result() == null
                                            ? null
                                            : json.read(attempt.result(), AttemptResult.class)));
                }));
    }

    private static AttemptView.TakerQuestion takerQuestion(AttemptStore.Asked question, JsonNode answer) {
        List<AttemptView.Option> options = new ArrayList<>();
        for (int i = 0; i < question.optionIds().length; i++) {
            options.add(new AttemptView.Option(
                    question.optionIds()[i], question.options().get(question.optionOrder()[i])));
        }
        return new AttemptView.TakerQuestion(
                question.publicId(), question.skill(), question.type().name(), question.prompt(), options, answer);
    }

    private static String opaqueId() {
        return "o" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
    }
}
