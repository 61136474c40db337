package io.uptake.metrics.objective;

import io.smallrye.mutiny.Uni;
import io.uptake.metrics.action.KnownActions;
import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
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

    /** How far back a version may be dated: as far as usage history is kept. */
    static final int MAX_BACKDATE_DAYS = 400;

    public Uni<ObjectivesView> set(
            String businessUnit, String jobRole, List<Expectation> expectations, String effectiveFrom, String setBy) {
        OffsetDateTime from = effectiveFrom(effectiveFrom);
        return knownActions
                .codes()
                .map(codes -> check(expectations, codes))
                .flatMap(checked -> store.replace(businessUnit, jobRole, checked, from, setBy));
    }

    /** The start (UTC) of the date given, or null (now) when none is; a date in the future or too far back is refused. */
    private static OffsetDateTime effectiveFrom(String date) {
        if (date == null) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("effectiveFrom", "must be a date such as 2026-11-02");
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (day.isAfter(today)) {
            throw new InvalidInput("effectiveFrom", "must not be in the future");
        }
        if (day.isBefore(today.minusDays(MAX_BACKDATE_DAYS))) {
            throw new InvalidInput("effectiveFrom", "must be within the last " + MAX_BACKDATE_DAYS + " days");
        }
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    public Uni<PageView<ObjectivesView>> current(String businessUnit, String jobRole, int page, int size) {
        return store.current(businessUnit, jobRole, page, size)
                .flatMap(items -> store.countCurrent(businessUnit, jobRole)
                        .map(total -> new PageView<>(items, page, size, total)));
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
                errors.add(new Problem.FieldError(
                        at + "metric", "'" + expectation.action() + "' is not in the action catalogue"));
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
