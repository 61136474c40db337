package io.uptake.training.assignment;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.access.Caller;
import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.Problem.FieldError;
import io.uptake.training.module.ModuleCandidate;
import io.uptake.training.module.ModuleStore;
import io.uptake.training.policy.PolicyService;
import io.uptake.training.policy.PolicyView;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** HR assigns by hand: to one person, or in bulk to a unit and/or role, or to everyone under a score. */
@ApplicationScoped
public class ManualAssignment {

    private final Pool pool;
    private final AssignmentStore store;
    private final Assigner assigner;
    private final TrainingEvents events;
    private final ModuleStore modules;
    private final PolicyService policies;

    public ManualAssignment(
            Pool pool,
            AssignmentStore store,
            Assigner assigner,
            TrainingEvents events,
            ModuleStore modules,
            PolicyService policies) {
        this.pool = pool;
        this.store = store;
        this.assigner = assigner;
        this.events = events;
        this.modules = modules;
        this.policies = policies;
    }

    public Uni<BulkResult> assign(Caller caller, NewAssignments request) {
        validate(request);
        Reason reason = reason(caller, request);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return pool.withTransaction(connection -> checkReferences(connection, request)
                        .chain(() -> store.targets(connection, request))
                        .flatMap(targets -> plan(connection, request, targets, today)
                                .flatMap(planned -> assigner.assignAll(
                                        connection,
                                        planned,
                                        request.testId(),
                                        request.skill(),
                                        reason,
                                        caller.userId()))
                                .map(inserted -> new Written(targets.size(), inserted))))
                .flatMap(written -> store.findAll(written.inserted().shown())
                        .map(views -> new BulkResult(
                                written.inserted().count(),
                                written.targeted() - written.inserted().count(),
                                views)))
                .invoke(events::runSoon);
    }

    /** How many people a bulk assignment targeted, and what the statement inserted. */
    private record Written(int targeted, AssignmentStore.Inserted inserted) {}

    private static void validate(NewAssignments request) {
        List<FieldError> errors = new ArrayList<>();
        int targets = (request.userId() != null ? 1 : 0)
                + (request.businessUnit() != null || request.jobRole() != null ? 1 : 0)
                + (request.scoreBelow() != null ? 1 : 0);
        boolean unitWithGap = request.scoreBelow() != null
                && request.businessUnit() != null
                && request.jobRole() == null
                && request.userId() == null;
        if (targets == 0) {
            errors.add(new FieldError("userId", "name one person, or a businessUnit / jobRole, or scoreBelow"));
        } else if (targets > 1 && !unitWithGap) {
            errors.add(new FieldError(
                    "userId",
                    "choose one target: userId, businessUnit / jobRole, or scoreBelow (optionally with businessUnit)"));
        }
        if (request.testId() == null && request.skill() == null) {
            errors.add(new FieldError("skill", "name the skill to train (or a testId to assign a test)"));
        }
        if (request.testId() != null && (request.moduleId() != null || request.mode() != null)) {
            errors.add(new FieldError("testId", "a test assignment takes no moduleId or mode"));
        }
        if (request.dueOn() != null && request.dueOn().isBefore(LocalDate.now(ZoneOffset.UTC))) {
            errors.add(new FieldError("dueOn", "must not be in the past"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private static Reason reason(Caller caller, NewAssignments request) {
        return request.scoreBelow() != null
                ? new Reason(
                        ReasonKind.MANUAL,
                        request.scoreBelow().skill(),
                        null,
                        request.scoreBelow().score(),
                        null,
                        "latest score on " + request.scoreBelow().skill() + " under "
                                + request.scoreBelow().score() + (request.note() == null ? "" : ": " + request.note()))
                : new Reason(
                        ReasonKind.MANUAL,
                        request.skill(),
                        null,
                        null,
                        null,
                        request.note() == null ? "assigned by " + caller.userId() : request.note());
    }

    private Uni<Void> checkReferences(SqlConnection connection, NewAssignments request) {
        return store.references(connection, request.skill(), request.moduleId(), request.testId())
                .invoke(found -> {
                    List<FieldError> errors = new ArrayList<>();
                    if (request.skill() != null && found.skills() == 0) {
                        errors.add(new FieldError("skill", "no skill '" + request.skill() + "' in the catalogue"));
                    }
                    if (request.moduleId() != null && found.modules() == 0) {
                        errors.add(
                                new FieldError("moduleId", "no module " + request.moduleId() + " covering the skill"));
                    }
                    if (request.testId() != null && found.tests() == 0) {
                        errors.add(new FieldError("testId", "no test " + request.testId()));
                    }
                    if (!errors.isEmpty()) {
                        throw new InvalidInput(errors);
                    }
                })
                .replaceWithVoid();
    }

    /** One plan per target ({@link RetrainingPlanner}), by the policy of the target's business unit. */
    private Uni<List<AssignmentStore.Planned>> plan(
            SqlConnection connection, NewAssignments request, List<AssignmentStore.Target> targets, LocalDate today) {
        Uni<List<ModuleCandidate>> candidates = request.testId() != null
                ? Uni.createFrom().item(List.of())
                : modules.candidates(connection, request.skill(), request.moduleId());
        return candidates.flatMap(found -> policiesOf(connection, targets)
                .map(policyOf -> targets.stream()
                        .map(target -> new AssignmentStore.Planned(
                                target,
                                request.testId() != null
                                        ? RetrainingPlanner.test(
                                                policyOf.get(target.businessUnit()), today, request.dueOn())
                                        : RetrainingPlanner.training(
                                                policyOf.get(target.businessUnit()),
                                                request.mode(),
                                                found,
                                                today,
                                                request.dueOn())))
                        .toList()));
    }

    /**
     * The policy in force for each business unit named (null: the fallback), read once per unit; a
     * person without a business unit gets the fallback.
     */
    private Uni<Map<String, PolicyView>> policiesOf(SqlConnection connection, List<AssignmentStore.Target> targets) {
        List<String> distinct = targets.stream()
                .map(AssignmentStore.Target::businessUnit)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        return Multi.createFrom()
                .iterable(distinct)
                .onItem()
                .transformToUniAndConcatenate(unit -> policies.find(connection, unit))
                .collect()
                .asList()
                .map(found -> {
                    Map<String, PolicyView> byUnit = new HashMap<>();
                    byUnit.put(null, policies.fallback(null)); // not in the roster (yet): no unit
                    for (int i = 0; i < distinct.size(); i++) {
                        byUnit.put(distinct.get(i), found.get(i));
                    }
                    return byUnit;
                });
    }
}
