package io.uptake.training.question;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.Json;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.Pages;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;

/** The question bank in PostgreSQL ({@code question}), answer keys included. */
@ApplicationScoped
public class QuestionStore {

    private final Pool pool;
    private final Json json;

    public QuestionStore(Pool pool, Json json) {
        this.pool = pool;
        this.json = json;
    }

    /** Inserts the question; false when its skill is not in the catalogue. */
    public Uni<Boolean> insert(QuestionView question) {
        return pool.preparedQuery("""
                        insert into question (id, skill, type, prompt, options, answer, tolerance, difficulty)
                        select $1, code, $3, $4, $5::text::jsonb, $6::text::jsonb, $7, $8 from skill where code = $2""")
                .execute(Tuple.tuple(Arrays.asList(
                        question.id(),
                        question.skill(),
                        question.type().name(),
                        question.prompt(),
                        json.write(question.options()),
                        json.write(question.answer()),
                        question.tolerance(),
                        question.difficulty())))
                .map(rows -> rows.rowCount() > 0);
    }

    public Uni<PageView<QuestionView>> page(String skill, int page, int size) {
        return pool.preparedQuery("""
                        select id, skill, type, prompt, options::text as options, answer::text as answer, tolerance, difficulty,
                               count(*) over () as total
                        from question where ($1::varchar is null or skill = $1) order by created_at, id limit $2 offset $3""")
                .execute(Tuple.of(skill, size, io.uptake.platform.api.PagingLimit.offset(page, size)))
                .map(rows -> Pages.of(
                        rows,
                        row -> new QuestionView(
                                row.getUUID("id"),
                                row.getString("skill"),
                                QuestionType.valueOf(row.getString("type")),
                                row.getString("prompt"),
                                List.of(json.read(row.getString("options"), String[].class)),
                                json.tree(row.getString("answer")),
                                row.getDouble("tolerance"),
                                row.getInteger("difficulty")),
                        page,
                        size));
    }
}
