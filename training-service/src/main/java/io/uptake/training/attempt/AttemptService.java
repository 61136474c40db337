package io.uptake.training.attempt;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.Conflict;
import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.Json;
import io.uptake.training.access.Caller;
import io.uptake.training.assessment.TestService;
import io.uptake.training.assessment.TestView;
import io.uptake.training.assignment.Retraining;
import io.uptake.training.assignment.TrainingEvents;
import io.uptake.training.skill.SkillScore;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
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
    private final TestService tests;
    private final Retraining retraining;
    private final TrainingEvents events;
    private final int perDay;

    public AttemptService(
            Pool pool,
            Json json,
            TestService tests,
            Retraining retraining,
            TrainingEvents events,
            AttemptsConfig config) {
        this.events = events;
        this.perDay = config.perDay();
        this.pool = pool;
        this.json = json;
        this.tests = tests;
        this.retraining = retraining;
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
                    return mayTake(connection, caller, test)
                            .flatMap(allowed -> {
                                if (!allowed) {
                                    throw new ForbiddenException("The test is not open to you");
                                }
                                return closeExpired(connection, caller.userId(), testId, now);
                            })
                            .flatMap(closed -> connection.preparedQuery("""
                                    select id, deadline from attempt where test_id = $1 and user_id = $2 and submitted_at is null""").execute(Tuple.of(testId, caller.userId())))
                            .flatMap(open -> {
                                if (open.size() > 0) {
                                    throw new Conflict("You have an open attempt of this test: "
                                            + open.iterator().next().getUUID("id"));
                                }
                                return connection
                                        .preparedQuery(
                                                "select max(submitted_at) as last from attempt where test_id = $1 and user_id = $2")
                                        .execute(Tuple.of(testId, caller.userId()));
                            })
                            .flatMap(last -> withinDailyCap(connection, caller, testId, now)
                                    .replaceWith(last))
                            .flatMap(last -> {
                                OffsetDateTime previous = last.iterator().next().getOffsetDateTime("last");
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
        return connection
                .preparedQuery("""
                        select count(*) as started, min(started_at) as first from attempt
                        where test_id = $1 and user_id = $2 and started_at > $3""")
                .execute(Tuple.of(testId, caller.userId(), now.minusDays(1)))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    if (row.getLong("started") < perDay) {
                        return null;
                    }
                    OffsetDateTime again = row.getOffsetDateTime("first").plusDays(1);
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

    /** Open to the person's business unit and job role, or assigned to them. */
    private Uni<Boolean> mayTake(SqlConnection connection, Caller caller, TestView test) {
        if (test.openTo(caller.businessUnit(), caller.jobRole())) {
            return Uni.createFrom().item(true);
        }
        return connection
                .preparedQuery("""
                        select 1 from assignment where user_id = $1 and test_id = $2 and kind = 'TEST'
                        and status in ('ASSIGNED', 'IN_PROGRESS', 'OVERDUE')""")
                .execute(Tuple.of(caller.userId(), test.id()))
                .map(rows -> rows.size() > 0);
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
        UUID id = UUID.randomUUID();
        OffsetDateTime deadline = now.plusMinutes(test.timeLimitMinutes());
        return connection
                .preparedQuery("""
                        select q.id, q.skill, q.type, q.prompt, q.options::text as options
                        from unnest($1::varchar[], $2::int[]) with ordinality as b(skill, n, position)
                        cross join lateral (select * from question where skill = b.skill order by random() limit b.n) q
                        order by b.position""")
                .execute(Tuple.of(skills.toArray(String[]::new), counts.toArray(Integer[]::new)))
                .flatMap(rows -> {
                    List<AttemptView.TakerQuestion> questions = new ArrayList<>();
                    List<Tuple> inserts = new ArrayList<>();
                    int position = 0;
                    for (Row row : rows) {
                        List<String> texts = List.of(json.read(row.getString("options"), String[].class));
                        List<Integer> order = new ArrayList<>();
                        for (int i = 0; i < texts.size(); i++) {
                            order.add(i);
                        }
                        java.util.Collections.shuffle(order, RANDOM);
                        List<AttemptView.Option> options = new ArrayList<>();
                        String[] optionIds = new String[texts.size()];
                        for (int i = 0; i < order.size(); i++) {
                            optionIds[i] = opaqueId();
                            options.add(new AttemptView.Option(optionIds[i], texts.get(order.get(i))));
                        }
                        UUID questionId = row.getUUID("id");
                        UUID publicId = UUID.randomUUID();
                        questions.add(new AttemptView.TakerQuestion(
                                publicId,
                                row.getString("skill"),
                                row.getString("type"),
                                row.getString("prompt"),
                                options,
                                null));
                        inserts.add(Tuple.of(
                                id, position++, questionId, optionIds, order.toArray(Integer[]::new), publicId));
                    }
                    Uni<?> stored = connection
                            .preparedQuery("""
                                    insert into attempt (id, test_id, user_id, business_unit, job_role, started_at, deadline)
                                    values ($1, $2, $3, $4, $5, $6, $7)""")
                            .execute(Tuple.tuple(Arrays.asList(
                                    id,
                                    test.id(),
                                    caller.userId(),
                                    caller.businessUnit(),
                                    caller.jobRole(),
                                    now,
                                    deadline)))
                            .flatMap(done -> connection.preparedQuery("""
                                            insert into attempt_question (attempt_id, position, question_id, option_ids, option_order, public_id)
                                            values ($1, $2, $3, $4, $5, $6)""").executeBatch(inserts))
                            .flatMap(done ->
                                    connection.preparedQuery("""
                                            update assignment set status = 'IN_PROGRESS', updated_at = now()
                                            where user_id = $1 and test_id = $2 and kind = 'TEST' and status in ('ASSIGNED', 'OVERDUE')""").execute(Tuple.of(caller.userId(), test.id())));
                    return stored.replaceWith(new AttemptView(
                            id, test.id(), caller.userId(), "OPEN", now, deadline, null, questions, null));
                });
    }

    /** Saves one answer; 409 once the deadline has passed or the attempt is submitted. */
    public Uni<AttemptView.TakerQuestion> answer(Caller caller, UUID attemptId, UUID questionId, JsonNode answer) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return pool.withTransaction(connection -> connection
                .preparedQuery("select user_id, deadline, submitted_at from attempt where id = $1 for share")
                .execute(Tuple.of(attemptId))
                .flatMap(rows -> {
                    Row attempt = rows.size() == 0 ? null : rows.iterator().next();
                    if (attempt == null || !attempt.getString("user_id").equals(caller.userId())) {
                        throw new NotFoundException("No attempt " + attemptId + " of yours");
                    }
                    if (attempt.getOffsetDateTime("submitted_at") != null) {
                        throw new Conflict("The attempt is submitted; answers can no longer change");
                    }
                    if (!now.isBefore(attempt.getOffsetDateTime("deadline"))) {
                        throw new Conflict("The deadline of the attempt has passed ("
                                + attempt.getOffsetDateTime("deadline") + ")");
                    }
                    return connection.preparedQuery("""
                                    select q.skill, q.type, q.prompt, q.options::text as options, aq.option_ids, aq.option_order
                                    from attempt_question aq join question q on q.id = aq.question_id
                                    where aq.attempt_id = $1 and aq.public_id = $2""").execute(Tuple.of(attemptId, questionId));
                })
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        throw new NotFoundException("No question " + questionId + " in attempt " + attemptId);
                    }
                    Row row = rows.iterator().next();
                    String[] optionIds = row.getArrayOfStrings("option_ids");
                    validateAnswer(row.getString("type"), List.of(optionIds), answer);
                    return connection
                            .preparedQuery("""
                                    update attempt_question set answer = $3::text::jsonb, answered_at = now()
                                    where attempt_id = $1 and public_id = $2""")
                            .execute(Tuple.of(attemptId, questionId, answer.toString()))
                            .replaceWith(takerQuestion(questionId, row, answer));
                }));
    }

    /** Scores the attempt once; a second submit returns the stored result. */
    public Uni<AttemptResult> submit(Caller caller, UUID attemptId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return pool.withTransaction(connection -> connection
                        .preparedQuery(
                                "select user_id, test_id, business_unit, job_role, deadline, submitted_at, result::text as result from attempt where id = $1 for update")
                        .execute(Tuple.of(attemptId))
                        .flatMap(rows -> {
                            Row attempt =
                                    rows.size() == 0 ? null : rows.iterator().next();
                            if (attempt == null || !attempt.getString("user_id").equals(caller.userId())) {
                                throw new NotFoundException("No attempt " + attemptId + " of yours");
                            }
                            if (attempt.getOffsetDateTime("submitted_at") != null) {
                                return Uni.createFrom()
                                        .item(json.read(attempt.getString("result"), AttemptResult.class));
                            }
                            return score(connection, attemptId, attempt, now);
                        }))
                .invoke(events::flushSoon);
    }

    /** Submits, as of their deadline, the person's expired attempts of the test that were never submitted. */
    private Uni<Void> closeExpired(SqlConnection connection, String userId, UUID testId, OffsetDateTime now) {
        return connection
                .preparedQuery("""
                        select id, user_id, test_id, business_unit, job_role, deadline from attempt
                        where test_id = $1 and user_id = $2 and submitted_at is null and deadline <= $3 for update""")
                .execute(Tuple.of(testId, userId, now))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    Row attempt = rows.iterator().next();
                    return score(connection, attempt.getUUID("id"), attempt, attempt.getOffsetDateTime("deadline"))
                            .replaceWithVoid();
                });
    }

    private Uni<AttemptResult> score(
            SqlConnection connection, UUID attemptId, Row attempt, OffsetDateTime submittedAt) {
        UUID testId = attempt.getUUID("test_id");
        return tests.find(connection, testId)
                .flatMap(test -> connection
                        .preparedQuery("""
                        select q.skill, q.type, q.answer::text as key, q.tolerance, aq.option_ids, aq.option_order, aq.answer::text as given
                        from attempt_question aq join question q on q.id = aq.question_id
                        where aq.attempt_id = $1 order by aq.position""")
                        .execute(Tuple.of(attemptId))
                        .flatMap(rows -> {
                            Map<String, double[]> points = new LinkedHashMap<>();
                            for (Row row : rows) {
                                double credit = credit(row);
                                double[] sum = points.computeIfAbsent(row.getString("skill"), skill -> new double[2]);
                                sum[0] += credit;
                                sum[1] += 1;
                            }
                            List<SkillScore> scores = new ArrayList<>();
                            points.forEach((skill, sum) -> {
                                int score = Scoring.skillScore(sum[0], (int) sum[1]);
                                int passMark = test.passMarkOf(skill);
                                scores.add(new SkillScore(skill, score, passMark, score >= passMark, (int) sum[1]));
                            });
                            boolean passed = scores.stream().allMatch(SkillScore::passed);
                            Retraining.Scored scored = new Retraining.Scored(
                                    attemptId,
                                    testId,
                                    attempt.getString("user_id"),
                                    attempt.getString("business_unit"),
                                    attempt.getString("job_role"),
                                    scores,
                                    submittedAt);
                            return retraining.afterScoring(connection, scored).flatMap(assignments -> {
                                AttemptResult result = new AttemptResult(passed, scores, assignments);
                                return connection
                                        .preparedQuery(
                                                "update attempt set submitted_at = $2, passed = $3, result = $4::text::jsonb where id = $1")
                                        .execute(Tuple.of(attemptId, submittedAt, passed, json.write(result)))
                                        .replaceWith(result);
                            });
                        }));
    }

    /** The points one saved answer earns, after mapping the taker's option ids back to the original option indexes. */
    private double credit(Row row) {
        String given = row.getString("given");
        if (given == null) {
            return 0.0;
        }
        JsonNode key = json.tree(row.getString("key"));
        JsonNode answer = json.tree(given);
        List<String> optionIds = Arrays.asList(row.getArrayOfStrings("option_ids"));
        Integer[] order = row.getArrayOfIntegers("option_order");
        switch (row.getString("type")) {
            case "SINGLE":
                return Scoring.single(key.asInt(), original(optionIds, order, answer.asText()));
            case "NUMBER":
                Double tolerance = row.getDouble("tolerance");
                return Scoring.number(
                        key.asDouble(),
                        tolerance == null ? 0.0 : tolerance,
                        answer.isNumber() ? answer.asDouble() : null);
            case "MULTIPLE": {
                Set<Integer> keySet = new HashSet<>();
                key.forEach(item -> keySet.add(item.asInt()));
                Set<Integer> chosen = new HashSet<>();
                answer.forEach(item -> chosen.add(original(optionIds, order, item.asText())));
                return Scoring.multiple(keySet, chosen);
            }
            case "ORDER": {
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
    static void validateAnswer(String type, List<String> optionIds, JsonNode answer) {
        String problem = switch (type) {
            case "SINGLE" ->
                answer.isTextual() && optionIds.contains(answer.asText())
                        ? null
                        : "must be one of the question's option ids";
            case "NUMBER" -> answer.isNumber() ? null : "must be a number";
            case "MULTIPLE", "ORDER" -> {
                if (!answer.isArray()) {
                    yield "must be an array of the question's option ids";
                }
                Set<String> seen = new HashSet<>();
                for (JsonNode item : answer) {
                    if (!item.isTextual() || !optionIds.contains(item.asText()) || !seen.add(item.asText())) {
                        yield "must be an array of distinct option ids of the question";
                    }
                }
                yield "ORDER".equals(type) && seen.size() != optionIds.size()
                        ? "must list every option id of the question once"
                        : null;
            }
            default -> "cannot be answered";
        };
        if (problem != null) {
            throw new InvalidInput("answer", problem);
        }
    }

    /** The attempt for its owner or HR/admin; scores once submitted. */
    public Uni<AttemptView> find(Caller caller, UUID attemptId) {
        return pool.withConnection(connection -> connection
                .preparedQuery("""
                        select id, test_id, user_id, started_at, deadline, submitted_at, result::text as result from attempt where id = $1""")
                .execute(Tuple.of(attemptId))
                .flatMap(rows -> {
                    Row attempt = rows.size() == 0 ? null : rows.iterator().next();
                    if (attempt == null
                            || !(attempt.getString("user_id").equals(caller.userId()) || caller.readsAll())) {
                        throw new NotFoundException("No attempt " + attemptId + " of yours");
                    }
                    return connection
                            .preparedQuery("""
                                    select aq.public_id, q.skill, q.type, q.prompt, q.options::text as options, aq.option_ids,
                                           aq.option_order, aq.answer::text as given
                                    from attempt_question aq join question q on q.id = aq.question_id
                                    where aq.attempt_id = $1 order by aq.position""")
                            .execute(Tuple.of(attemptId))
                            .map(questions -> {
                                List<AttemptView.TakerQuestion> items = new ArrayList<>();
                                for (Row row : questions) {
                                    String given = row.getString("given");
                                    items.add(takerQuestion(
                                            row.getUUID("public_id"), row, given == null ? null : json.tree(given)));
                                }
                                String result = attempt.getString("result");
                                OffsetDateTime submitted = attempt.getOffsetDateTime("submitted_at");
                                return new AttemptView(
                                        attempt.getUUID("id"),
                                        attempt.getUUID("test_id"),
                                        attempt.getString("user_id"),
                                        submitted == null ? "OPEN" : "SUBMITTED",
                                        attempt.getOffsetDateTime("started_at"),
                                        attempt.getOffsetDateTime("deadline"),
                                        submitted,
                                        items,
                                        result == null ? null : json.read(result, AttemptResult.class));
                            });
                }));
    }

    private AttemptView.TakerQuestion takerQuestion(UUID questionId, Row row, JsonNode answer) {
        List<String> texts = List.of(json.read(row.getString("options"), String[].class));
        String[] optionIds = row.getArrayOfStrings("option_ids");
        Integer[] order = row.getArrayOfIntegers("option_order");
        List<AttemptView.Option> options = new ArrayList<>();
        for (int i = 0; i < optionIds.length; i++) {
            options.add(new AttemptView.Option(optionIds[i], texts.get(order[i])));
        }
        return new AttemptView.TakerQuestion(
                questionId, row.getString("skill"), row.getString("type"), row.getString("prompt"), options, answer);
    }

    private static String opaqueId() {
        return "o" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
    }
}
