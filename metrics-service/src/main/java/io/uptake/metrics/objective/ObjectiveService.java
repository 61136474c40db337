package io.uptake.metrics.objective;

import io.smallrye.mutiny.Uni;
import io.uptake.metrics.action.KnownActions;
import io.uptake.metrics.api.InvalidInput;
import io.uptake.metrics.api.PageView;
import io.uptake.metrics.api.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@ApplicationScoped
public class ObjectiveService {

    private final ObjectiveStore store;
    private final KnownActions knownActions;

    public ObjectiveService(ObjectiveStore store, KnownActions knownActions) {
        this.store = store;
        this.knownActions = knownActions;
    }

    public Uni<ObjectivesView> set(String businessUnit, String jobRole, List<Expectation> expectations, String setBy) {
        return knownActions.codes()
                .map(codes -> check(expectations, codes))
                .flatMap(checked -> store.replace(businessUnit, jobRole, checked, setBy));
    }

    public Uni<PageView<ObjectivesView>> current(String businessUnit, String jobRole, int page, int size) {
        return store.current(businessUnit, jobRole, page, size)
                .flatMap(items -> store.countCurrent(businessUnit, jobRole).map(total -> new PageView<>(items, page, size, total)));
    }

    public Uni<List<ObjectivesView>> history(String businessUnit, String jobRole) {
        return store.history(businessUnit, jobRole);
    }

    public Uni<ObjectivesView> inForceAt(String businessUnit, String jobRole, OffsetDateTime at) {
        return store.inForceAt(businessUnit, jobRole, at);
    }

    private static List<Expectation> check(List<Expectation> expectations, Set<String> actions) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < expectations.size(); i++) {
            Expectation expectation = expectations.get(i);
            String at = "expectations[" + i + "].";
            if (expectation.isActiveDays() && "day".equals(expectation.period())) {
                errors.add(new Problem.FieldError(at + "period", "active-days is counted per week or month"));
            }
            if (!expectation.isActiveDays() && !actions.contains(expectation.action())) {
                errors.add(new Problem.FieldError(at + "metric", "'" + expectation.action() + "' is not in the action catalogue"));
            }
            if (!seen.add(expectation.metric() + "/" + expectation.period())) {
                errors.add(new Problem.FieldError(at + "metric", "appears twice for the same period"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return expectations;
    }
}
