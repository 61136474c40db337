package io.uptake.training.module;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Training modules (HR). */
@ApplicationScoped
public class ModuleService {

    private final ModuleStore store;

    public ModuleService(ModuleStore store) {
        this.store = store;
    }

    public Uni<ModuleView> create(NewModule request) {
        List<String> skills =
                request.skills().stream().map(String::strip).distinct().toList();
        ModuleView module = new ModuleView(
                UUID.randomUUID(),
                request.title().strip(),
                skills,
                request.mode(),
                request.durationMinutes(),
                request.url());
        return store.knownSkills(skills)
                .flatMap(known -> {
                    List<FieldError> errors = new ArrayList<>();
                    for (int i = 0; i < request.skills().size(); i++) {
                        if (!known.contains(request.skills().get(i).strip())) {
                            errors.add(new FieldError(
                                    "skills[" + i + "]",
                                    "no skill '" + request.skills().get(i) + "' in the catalogue"));
                        }
                    }
                    if (!errors.isEmpty()) {
                        throw new InvalidInput(errors);
                    }
                    return store.insert(module);
                })
                .replaceWith(module);
    }

    public Uni<PageView<ModuleView>> list(String skill, int page, int size) {
        return store.page(skill, page, size);
    }
}
