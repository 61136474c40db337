package io.uptake.training.question;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The question bank per skill (HR). Answer keys stay here and in scoring; takers never see them. */
@ApplicationScoped
public class QuestionService {

    private final QuestionStore store;

    public QuestionService(QuestionStore store) {
        this.store = store;
    }

    public Uni<QuestionView> create(NewQuestion request) {
        List<String> options = request.options() == null
                ? List.of()
                : request.options().stream().map(String::strip).toList();
        validate(request, options);
        Double tolerance = request.type() == QuestionType.NUMBER
                ? (request.tolerance() == null ? 0.0 : request.tolerance())
                : null;
        QuestionView question = new QuestionView(
                UUID.randomUUID(),
                request.skill(),
                request.type(),
                request.prompt().strip(),
                options,
                request.answer(),
                tolerance,
                request.difficulty());
        return store.insert(question).map(inserted -> {
            if (!inserted) {
                throw new InvalidInput("skill", "no skill '" + request.skill() + "' in the catalogue");
            }
            return question;
        });
    }

    public Uni<PageView<QuestionView>> list(String skill, int page, int size) {
        return store.page(skill, page, size);
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
