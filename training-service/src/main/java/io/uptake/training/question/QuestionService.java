package io.uptake.training.question;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.Json;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.Problem.FieldError;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The question bank per skill (HR). Answer keys stay here and in scoring; takers never see them. */
@ApplicationScoped
public class QuestionService {

    private final Pool pool;
    private final Json json;

    public QuestionService(Pool pool, Json json) {
        this.pool = pool;
        this.json = json;
    }

    public Uni<QuestionView> create(NewQuestion request) {
        List<String> options = request.options() == null
                ? List.of()
                : request.options().stream().map(String::strip).toList();
        validate(request, options);
        UUID id = UUID.randomUUID();
        Double tolerance = request.type() == QuestionType.NUMBER
                ? (request.tolerance() == null ? 0.0 : request.tolerance())
                : null;
        return pool.preparedQuery("""
                        insert into question (id, skill, type, prompt, options, answer, tolerance, difficulty)
                        select $1, code, $3, $4, $5::text::jsonb, $6::text::jsonb, $7, $8 from skill where code = $2""")
                .execute(Tuple.tuple(Arrays.asList(
                        id,
                        request.skill(),
                        request.type().name(),
                        request.prompt().strip(),
                        json.write(options),
                        json.write(request.answer()),
                        tolerance,
                        request.difficulty())))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new InvalidInput("skill", "no skill '" + request.skill() + "' in the catalogue");
                    }
                    return new QuestionView(
                            id,
                            request.skill(),
                            request.type(),
                            request.prompt().strip(),
                            options,
                            request.answer(),
                            tolerance,
                            request.difficulty());
                });
    }

    public Uni<PageView<QuestionView>> list(String skill, int page, int size) {
        return pool.preparedQuery("""
                        select id, skill, type, prompt, options::text as options, answer::text as answer, tolerance, difficulty,
                               count(*) over () as total
                        from question where ($1::varchar is null or skill = $1) order by created_at, id limit $2 offset $3""")
                .execute(Tuple.of(skill, size, io.uptake.platform.api.PagingLimit.offset(page, size)))
                .map(rows -> {
                    List<QuestionView> items = new ArrayList<>();
                    long total = 0;
                    for (Row row : rows) {
                        total = row.getLong("total");
                        items.add(new QuestionView(
                                row.getUUID("id"),
                                row.getString("skill"),
                                QuestionType.valueOf(row.getString("type")),
                                row.getString("prompt"),
                                List.of(json.read(row.getString("options"), String[].class)),
                                json.tree(row.getString("answer")),
                                row.getDouble("tolerance"),
                                row.getInteger("difficulty")));
                    }
                    return new PageView<>(items, page, size, total);
                });
    }

    /** The answer key must fit the type and the options; the first broken rule of each field is reported. */
    static void validate(NewQuestion request, List<String> options) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode answer = request.answer();
        QuestionType type = request.type();
        if (type == QuestionType.NUMBER) {
            if (!options.isEmpty()) {
                errors.add(new FieldError("options", "must be empty for a NUMBER question"));
            }
            if (!answer.isNumber()) {
                errors.add(new FieldError("answer", "must be a number for a NUMBER question"));
            }
        } else {
            if (options.size() < 2) {
                errors.add(new FieldError("options", "must hold at least 2 options"));
            } else if (new HashSet<>(options).size() != options.size()) {
                errors.add(new FieldError("options", "must not repeat an option"));
            }
            if (request.tolerance() != null) {
                errors.add(new FieldError("tolerance", "applies to NUMBER questions only"));
            }
            int n = options.size();
            switch (type) {
                case SINGLE -> {
                    if (!answer.isInt() || answer.asInt() < 0 || answer.asInt() >= Math.max(n, 1)) {
                        errors.add(new FieldError("answer", "must be the 0-based index of the right option"));
                    }
                }
                case MULTIPLE -> {
                    Set<Integer> indexes = indexes(answer, n);
                    if (indexes == null || indexes.isEmpty()) {
                        errors.add(new FieldError("answer", "must be a non-empty array of distinct option indexes"));
                    }
                }
                case ORDER -> {
                    Set<Integer> indexes = indexes(answer, n);
                    if (indexes == null || indexes.size() != n) {
                        errors.add(new FieldError("answer", "must list every option index once, in the right order"));
                    }
                }
                default -> {}
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    /** Distinct valid indexes of an array, or null when it is not one. */
    private static Set<Integer> indexes(JsonNode answer, int n) {
        if (!answer.isArray()) {
            return null;
        }
        Set<Integer> seen = new HashSet<>();
        for (JsonNode item : answer) {
            if (!item.isInt() || item.asInt() < 0 || item.asInt() >= n || !seen.add(item.asInt())) {
                return null;
            }
        }
        return seen;
    }
}
