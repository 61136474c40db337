package io.uptake.training.attempt;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.Json;
import io.uptake.training.question.QuestionType;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Attempts and the questions drawn for them ({@code attempt}, {@code attempt_question}), read with the bank's questions. */
@ApplicationScoped
public class AttemptStore {

    private static final String COLUMNS =
            "id, test_id, user_id, business_unit, job_role, skill, started_at, deadline, submitted_at, result::text as result";

    /** The questions of an attempt ({@code $1}) as its taker sees them, with the answers saved. */
    private static final String ASKED = """
            select aq.public_id, q.skill, q.type, q.prompt, q.options::text as options, aq.option_ids,
                   aq.option_order, aq.answer::text as given
            from attempt_question aq join question q on q.id = aq.question_id
            where aq.attempt_id = $1""";

    /** An attempt; {@code skill} when it drew that skill alone (a re-test); {@code result} (JSON) once submitted. */
    public record Attempt(
            UUID id,
            UUID testId,
            String userId,
            String businessUnit,
            String jobRole,
            String skill,
            OffsetDateTime startedAt,
            OffsetDateTime deadline,
            OffsetDateTime submittedAt,
            String result) {}

    /** A question of the bank drawn for a new attempt. */
    public record Drawn(UUID questionId, String skill, QuestionType type, String prompt, List<String> options) {}

    /** A drawn question as stored with its attempt: the opaque ids of its options and the order they are shown in. */
    public record Placed(int position, UUID questionId, String[] optionIds, Integer[] optionOrder, UUID publicId) {}

    /** A question of an attempt as its taker sees it, with the answer saved (JSON; null: none yet). */
    public record Asked(
            UUID publicId,
            String skill,
            QuestionType type,
            String prompt,
            List<String> options,
            String[] optionIds,
            Integer[] optionOrder,
            String given) {}

    /** A question of an attempt with its key, for scoring. */
    public record Keyed(
            String skill,
            QuestionType type,
            String key,
            Double tolerance,
            String[] optionIds,
            Integer[] optionOrder,
            String given) {}

    /** How many attempts of a test a person started since an instant, and when the first of them. */
    public record Started(long count, OffsetDateTime first) {}

    private final Json json;

    public AttemptStore(Json json) {
        this.json = json;
    }

    /** The person's open attempt of the test; null when there is none. */
    public Uni<UUID> openAttempt(SqlClient client, UUID testId, String userId) {
        return client.preparedQuery("""
                        select id, deadline from attempt where test_id = $1 and user_id = $2 and submitted_at is null""")
                .execute(Tuple.of(testId, userId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID("id"));
    }

    /** When the person last submitted an attempt of the test; null when never. */
    public Uni<OffsetDateTime> lastSubmitted(SqlClient client, UUID testId, String userId) {
        return client.preparedQuery("select max(submitted_at) as last from attempt where test_id = $1 and user_id = $2")
                .execute(Tuple.of(testId, userId))
                .map(rows -> rows.iterator().next().getOffsetDateTime("last"));
    }

    public Uni<Started> startedSince(SqlClient client, UUID testId, String userId, OffsetDateTime since) {
        return client.preparedQuery("""
                        select count(*) as started, min(started_at) as first from attempt
                        where test_id = $1 and user_id = $2 and started_at > $3""")
                .execute(Tuple.of(testId, userId, since))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Started(row.getLong("started"), row.getOffsetDateTime("first"));
                });
    }

    /** Draws, per skill, that many questions of the bank at random, in the order of the skills. */
    public Uni<List<Drawn>> draw(SqlClient client, List<String> skills, List<Integer> counts) {
        return client.preparedQuery("""
                        select q.id, q.skill, q.type, q.prompt, q.options::text as options
                        from unnest($1::varchar[], $2::int[]) with ordinality as b(skill, n, position)
                        cross join lateral (select * from question where skill = b.skill order by random() limit b.n) q
                        order by b.position""")
                .execute(Tuple.of(skills.toArray(String[]::new), counts.toArray(Integer[]::new)))
                .map(rows -> {
                    List<Drawn> drawn = new ArrayList<>();
                    for (Row row : rows) {
                        drawn.add(new Drawn(
                                row.getUUID("id"),
                                row.getString("skill"),
                                QuestionType.valueOf(row.getString("type")),
                                row.getString("prompt"),
                                options(row)));
                    }
                    return drawn;
                });
    }

    /** Inserts a new attempt with its drawn questions. */
    public Uni<Void> insert(SqlClient client, Attempt attempt, List<Placed> questions) {
        List<Tuple> placed = questions.stream()
                .map(question -> Tuple.of(
                        attempt.id(),
                        question.position(),
                        question.questionId(),
                        question.optionIds(),
                        question.optionOrder(),
                        question.publicId()))
                .toList();
        return client.preparedQuery("""
                        insert into attempt (id, test_id, user_id, business_unit, job_role, skill, started_at, deadline)
                        values ($1, $2, $3, $4, $5, $6, $7, $8)""")
                .execute(Tuple.tuple(Arrays.asList(
                        attempt.id(),
                        attempt.testId(),
                        attempt.userId(),
                        attempt.businessUnit(),
                        attempt.jobRole(),
                        attempt.skill(),
                        attempt.startedAt(),
                        attempt.deadline())))
                .flatMap(done -> client.preparedQuery("""
                                insert into attempt_question (attempt_id, position, question_id, option_ids, option_order, public_id)
                                values ($1, $2, $3, $4, $5, $6)""").executeBatch(placed))
                .replaceWithVoid();
    }

    public Uni<Attempt> find(SqlClient client, UUID attemptId) {
        return client.preparedQuery("select " + COLUMNS + " from attempt where id = $1")
                .execute(Tuple.of(attemptId))
                .map(AttemptStore::first);
    }

    /** The attempt, share-locked: answers are saved while no submit holds it. */
    public Uni<Attempt> findForShare(SqlClient client, UUID attemptId) {
        return client.preparedQuery("select " + COLUMNS + " from attempt where id = $1 for share")
                .execute(Tuple.of(attemptId))
                .map(AttemptStore::first);
    }

    public Uni<Attempt> findForUpdate(SqlClient client, UUID attemptId) {
        return client.preparedQuery("select " + COLUMNS + " from attempt where id = $1 for update")
                .execute(Tuple.of(attemptId))
                .map(AttemptStore::first);
    }

    /** The person's attempt of the test left open past its deadline, locked; null when there is none. */
    public Uni<Attempt> expiredForUpdate(SqlClient client, UUID testId, String userId, OffsetDateTime now) {
        return client.preparedQuery("select " + COLUMNS + """
                         from attempt
                        where test_id = $1 and user_id = $2 and submitted_at is null and deadline <= $3 for update""")
                .execute(Tuple.of(testId, userId, now))
                .map(AttemptStore::first);
    }

    /** One question of the attempt by its public id; null when the attempt has no such question. */
    public Uni<Asked> question(SqlClient client, UUID attemptId, UUID publicId) {
        return client.preparedQuery(ASKED + " and aq.public_id = $2")
                .execute(Tuple.of(attemptId, publicId))
                .map(rows -> rows.size() == 0 ? null : asked(rows.iterator().next()));
    }

    /** The questions of the attempt in the order drawn. */
    public Uni<List<Asked>> questions(SqlClient client, UUID attemptId) {
        return client.preparedQuery(ASKED + " order by aq.position")
                .execute(Tuple.of(attemptId))
                .map(rows -> {
                    List<Asked> asked = new ArrayList<>();
                    rows.forEach(row -> asked.add(asked(row)));
                    return asked;
                });
    }

    /** The questions of the attempt with their keys, in the order drawn. */
    public Uni<List<Keyed>> keyed(SqlClient client, UUID attemptId) {
        return client.preparedQuery("""
                        select q.skill, q.type, q.answer::text as key, q.tolerance, aq.option_ids, aq.option_order, aq.answer::text as given
                        from attempt_question aq join question q on q.id = aq.question_id
                        where aq.attempt_id = $1 order by aq.position""").execute(Tuple.of(attemptId)).map(rows -> {
            List<Keyed> keyed = new ArrayList<>();
            for (Row row : rows) {
                keyed.add(new Keyed(
                        row.getString("skill"),
                        QuestionType.valueOf(row.getString("type")),
                        row.getString("key"),
                        row.getDouble("tolerance"),
                        row.getArrayOfStrings("option_ids"),
                        row.getArrayOfIntegers("option_order"),
                        row.getString("given")));
            }
            return keyed;
        });
    }

    /** Saves an answer (JSON) to a question of the attempt. */
    public Uni<Void> saveAnswer(SqlClient client, UUID attemptId, UUID publicId, String answer) {
        return client.preparedQuery("""
                        update attempt_question set answer = $3::text::jsonb, answered_at = now()
                        where attempt_id = $1 and public_id = $2""")
                .execute(Tuple.of(attemptId, publicId, answer))
                .replaceWithVoid();
    }

    public Uni<Void> submit(SqlClient client, UUID attemptId, OffsetDateTime submittedAt, AttemptResult result) {
        return client.preparedQuery(
                        "update attempt set submitted_at = $2, passed = $3, result = $4::text::jsonb where id = $1")
                .execute(Tuple.of(attemptId, submittedAt, result.passed(), json.write(result)))
                .replaceWithVoid();
    }

    private static Attempt first(Iterable<Row> rows) {
        var found = rows.iterator();
        if (!found.hasNext()) {
            return null;
        }
        Row row = found.next();
        return new Attempt(
                row.getUUID("id"),
                row.getUUID("test_id"),
                row.getString("user_id"),
                row.getString("business_unit"),
                row.getString("job_role"),
                row.getString("skill"),
                row.getOffsetDateTime("started_at"),
                row.getOffsetDateTime("deadline"),
                row.getOffsetDateTime("submitted_at"),
                row.getString("result"));
    }

    private Asked asked(Row row) {
        return new Asked(
                row.getUUID("public_id"),
                row.getString("skill"),
                QuestionType.valueOf(row.getString("type")),
                row.getString("prompt"),
                options(row),
                row.getArrayOfStrings("option_ids"),
                row.getArrayOfIntegers("option_order"),
                row.getString("given"));
    }

    private List<String> options(Row row) {
        return List.of(json.read(row.getString("options"), String[].class));
    }
}
