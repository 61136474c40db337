package io.uptake.training.assessment;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.access.Caller;
import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.Problem.FieldError;
import io.uptake.training.access.TrainingAccess;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Test definitions: HR writes them, each person lists those open to them. */
@ApplicationScoped
public class TestService {

    private final TestStore store;

    public TestService(TestStore store) {
        this.store = store;
    }

    /** Creates a test; each blueprint skill must exist and hold enough questions to draw from. */
    public Uni<TestView> create(NewTest request) {
        Set<String> seen = new HashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.blueprint().size(); i++) {
            if (!seen.add(request.blueprint().get(i).skill())) {
                errors.add(new FieldError("blueprint[" + i + "].skill", "names a skill already in the blueprint"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        String[] skills =
                request.blueprint().stream().map(NewTest.BlueprintItem::skill).toArray(String[]::new);
        return store.questionsPerSkill(skills).flatMap(available -> {
            for (int i = 0; i < request.blueprint().size(); i++) {
                NewTest.BlueprintItem item = request.blueprint().get(i);
                Long count = available.get(item.skill());
                if (count == null) {
                    errors.add(new FieldError(
                            "blueprint[" + i + "].skill", "no skill '" + item.skill() + "' in the catalogue"));
                } else if (count < item.questions()) {
                    errors.add(new FieldError(
                            "blueprint[" + i + "].questions",
                            "the bank holds only " + count + " question(s) of skill '" + item.skill() + "'"));
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
            NewTest.Audience audience = normalised(request.audience());
            TestView test = new TestView(
                    UUID.randomUUID(),
                    request.name().strip(),
                    request.blueprint(),
                    request.timeLimitMinutes(),
                    request.passMark(),
                    request.retakeAfterHours(),
                    audience);
            return store.insert(test).replaceWith(test);
        });
    }

    /** The tests open to the caller (HR and admins: all of them). */
    public Uni<PageView<TestView>> list(Caller caller, int page, int size) {
        return store.page(TrainingAccess.readsAll(caller), caller.businessUnit(), caller.jobRole(), page, size);
    }

    private static NewTest.Audience normalised(NewTest.Audience audience) {
        if (audience == null) {
            return new NewTest.Audience(List.of(), List.of());
        }
        return new NewTest.Audience(
                audience.businessUnits() == null
                        ? List.of()
                        : audience.businessUnits().stream()
                                .map(String::strip)
                                .distinct()
                                .toList(),
                audience.jobRoles() == null
                        ? List.of()
                        : audience.jobRoles().stream()
                                .map(String::strip)
                                .distinct()
                                .toList());
    }
}
