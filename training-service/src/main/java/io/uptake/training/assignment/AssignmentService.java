package io.uptake.training.assignment;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.Conflict;
import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.Problem.FieldError;
import io.uptake.platform.outbox.OutboxTrace;
import io.uptake.platform.work.ClusterSchedule;
import io.uptake.platform.work.PeriodicWork;
import io.uptake.training.access.Caller;
import io.uptake.training.module.ModuleCandidate;
import io.uptake.training.module.ModuleService;
import io.uptake.training.policy.PolicyService;
import io.uptake.training.policy.PolicyView;
import io.uptake.training.session.Seats;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Assignments: listing by who may see them, completing (and the re-test it leads to), HR's manual and bulk assignment, changes, overdue marking. */
@ApplicationScoped
public class AssignmentService {

    private static final int SHOWN = 100;

    /** Whom a bulk assignment reaches: one person, a unit and/or role of the active roster, or everyone under a score. */
    private static final String TARGETS = """
            select t.user_id, t.business_unit from (
                select $1::varchar as user_id, (select business_unit from person where user_id = $1) as business_unit where $1 is not null
                union all
                select user_id, business_unit from person
                where $1 is null and $4::varchar is null and active and ($2::varchar is not null or $3::varchar is not null)
                  and ($2::varchar is null or business_unit = $2) and ($3::varchar is null or job_role = $3)
                union all
                select user_id, business_unit from skill_score
                where $1 is null and $4::varchar is not null and skill = $4 and score < $5 and ($2::varchar is null or business_unit = $2)
            ) t""";

    /**
     * One statement for one person or ten thousand: the planned rows ({@link RetrainingPlanner}, one per
     * target) and their {@code training.assigned} events. Whoever already has open training for the skill
     * is skipped (a test is skipped by the unique open-test rule).
     */
    private static final String BULK = """
            with planned as (
                select * from unnest($1::varchar[], $2::varchar[], $3::uuid[], $4::varchar[], $5::date[])
                    as p(user_id, business_unit, module_id, mode, due_on)
            ), inserted as (
                insert into assignment (id, user_id, business_unit, kind, skill, module_id, mode, test_id, status, due_on, reason, created_by)
                select gen_random_uuid(), user_id, business_unit, case when $6::uuid is null then 'TRAINING' else 'TEST' end, $7::varchar, module_id,
                       mode, $6::uuid, 'ASSIGNED', due_on, $8::text::jsonb, $9::varchar
                from planned
                where $6::uuid is not null or not exists (
                    select 1 from assignment x where x.user_id = planned.user_id and x.kind = 'TRAINING' and x.skill = $7::varchar
                    and x.status in ('ASSIGNED', 'IN_PROGRESS', 'OVERDUE'))
                on conflict do nothing
                returning *
            ), published as (
                insert into outbox (channel, key, payload, traceparent)
                select 'training-events', i.user_id, json_build_object('eventId', gen_random_uuid(), 'type', 'training.assigned',
                        'occurredAt', now(), 'assignment', json_strip_nulls(json_build_object('id', i.id, 'userId', i.user_id,
                        'businessUnit', i.business_unit, 'kind', i.kind, 'skill', i.skill, 'moduleId', i.module_id,
                        'moduleTitle', m.title, 'mode', i.mode, 'testId', i.test_id, 'status', i.status, 'dueOn', i.due_on,
                        'reason', i.reason, 'assignedBy', i.created_by, 'createdAt', i.created_at)))::text, $10::varchar
                from inserted i left join training_module m on m.id = i.module_id
            )
            select (select count(*) from inserted) as assigned,
                   (select array_agg(id) from (select id from inserted limit %d) shown) as shown
            """.formatted(SHOWN);

    private final Pool pool;
    private final AssignmentStore store;
    private final TrainingEvents events;
    private final PolicyService policies;
    private final ModuleService modules;
    private final Vertx vertx;
    private final long overdueCheckMillis;
    private final ClusterSchedule schedule;
    private final PeriodicWork overdueCheck;
    private final Seats seats;

    public AssignmentService(
            Pool pool,
            AssignmentStore store,
            TrainingEvents events,
            PolicyService policies,
            ModuleService modules,
            Vertx vertx,
            AssignmentsConfig config,
            ClusterSchedule schedule,
            Seats seats) {
        this.seats = seats;
        this.schedule = schedule;
        this.pool = pool;
        this.store = store;
        this.events = events;
        this.policies = policies;
        this.modules = modules;
        this.vertx = vertx;
        this.overdueCheckMillis = config.overdueCheckMs();
        this.overdueCheck = new PeriodicWork(
                "Overdue assignment check",
                () -> schedule.oncePerSlot("overdue-check", Duration.ofMillis(overdueCheckMillis), this::markOverdue));
    }

    void start(@Observes StartupEvent started) {
        overdueCheck.start(vertx, Duration.ofMillis(overdueCheckMillis), Duration.ofMillis(overdueCheckMillis));
    }

    void stop(@Observes ShutdownEvent stopping) {
        overdueCheck.stop();
    }

    /** Marks OVERDUE what is still open after its due date; returns how many. */
    public Uni<Integer> markOverdue() {
        return pool.preparedQuery("""
                        update assignment set status = 'OVERDUE', updated_at = now()
                        where status in ('ASSIGNED', 'IN_PROGRESS') and due_on < current_date""").execute().map(rows -> rows.rowCount());
    }

    /** Employees see their own, managers their business unit's, HR and admins everyone's. */
    public Uni<PageView<AssignmentView>> list(
            Caller caller, String userId, String status, String businessUnit, int page, int size) {
        boolean managerAsksAboutSomeone =
                !caller.readsAll() && caller.manager() && userId != null && !userId.equals(caller.userId());
        if (!managerAsksAboutSomeone) {
            return listVisible(caller, userId, status, businessUnit, page, size);
        }
        return pool.preparedQuery("select business_unit from person where user_id = $1")
                .execute(Tuple.of(userId))
                .flatMap(rows -> {
                    String unit =
                            rows.size() == 0 ? null : rows.iterator().next().getString("business_unit");
                    if (unit == null || !caller.managesUnit(unit)) {
                        throw new ForbiddenException(
                                "Managers read the assignments of people in their own business unit only");
                    }
                    return listVisible(caller, userId, status, businessUnit, page, size);
                });
    }

    private Uni<PageView<AssignmentView>> listVisible(
            Caller caller, String userId, String status, String businessUnit, int page, int size) {
        String user = userId;
        String unit = businessUnit;
        if (!caller.readsAll()) {
            boolean self = userId == null || userId.equals(caller.userId());
            if (caller.manager()) {
                if (businessUnit != null && !caller.managesUnit(businessUnit)) {
                    throw new ForbiddenException("Managers read the assignments of their own business unit only");
                }
                if (!(self && userId != null)) {
                    unit = caller.businessUnit();
                }
            } else {
                if (!self || businessUnit != null) {
                    throw new ForbiddenException("You may read your own assignments only");
                }
                user = caller.userId();
            }
        }
        String u = user;
        String b = unit;
        return markOverdue()
                .flatMap(marked -> pool.preparedQuery(AssignmentStore.SELECT + """
                         where ($1::varchar is null or a.user_id = $1) and ($2::varchar is null or a.status = $2)
                           and ($3::varchar is null or a.business_unit = $3)
                         order by a.due_on, a.created_at, a.id limit $4 offset $5""")
                        .execute(Tuple.tuple(Arrays.asList(
                                u, status, b, size, io.uptake.platform.api.PagingLimit.offset(page, size))))
                        .flatMap(rows -> pool.preparedQuery("""
                                select count(*) from assignment a where ($1::varchar is null or a.user_id = $1)
                                and ($2::varchar is null or a.status = $2) and ($3::varchar is null or a.business_unit = $3)""")
                                .execute(Tuple.tuple(Arrays.asList(u, status, b)))
                                .map(count -> new PageView<>(
                                        store.views(rows),
                                        page,
                                        size,
                                        count.iterator().next().getLong(0)))));
    }

    /** The assignee or HR completes a TRAINING assignment; completing every one of a skill assigns a re-test of it. */
    public Uni<AssignmentView> complete(Caller caller, UUID id) {
        // the sessions it sits in or waits for first, as every change of a session's occupants locks them
        return pool.withTransaction(connection -> seats.lockSessionsOf(connection, id)
                        .chain(() -> connection
                                .preparedQuery(
                                        "select user_id, business_unit, kind, skill, test_id, status from assignment where id = $1 for update")
                                .execute(Tuple.of(id)))
                        .flatMap(rows -> {
                            Row row = rows.size() == 0 ? null : rows.iterator().next();
                            if (row == null || !(row.getString("user_id").equals(caller.userId()) || caller.hr())) {
                                throw new NotFoundException("No assignment " + id + " of yours");
                            }
                            String status = row.getString("status");
                            if ("COMPLETED".equals(status)) {
                                return store.find(connection, id);
                            }
                            if ("CANCELLED".equals(status)) {
                                throw new Conflict("The assignment is cancelled");
                            }
                            if ("TEST".equals(row.getString("kind"))) {
                                throw new Conflict("A test assignment completes when the test is submitted");
                            }
                            return connection
                                    .preparedQuery("""
                                    with done as (
                                        update assignment set status = 'COMPLETED', completed_at = now(), updated_at = now()
                                        where id = $1 returning id)
                                    delete from waitlist where assignment_id in (select id from done)""")
                                    .execute(Tuple.of(id))
                                    .flatMap(done -> store.find(connection, id))
                                    .call(completed ->
                                            events.record(connection, TrainingEvents.COMPLETED, List.of(completed)))
                                    .call(completed -> retestIfDone(connection, row));
                        }))
                .invoke(events::flushSoon);
    }

    private Uni<Void> retestIfDone(SqlConnection connection, Row completed) {
        String userId = completed.getString("user_id");
        String skill = completed.getString("skill");
        return connection
                .preparedQuery(
                        "select 1 from assignment where user_id = $1 and skill = $2 and kind = 'TRAINING' and status in "
                                + AssignmentStore.OPEN)
                .execute(Tuple.of(userId, skill))
                .flatMap(open -> {
                    if (open.size() > 0) {
                        return Uni.createFrom().voidItem();
                    }
                    UUID testId = completed.getUUID("test_id");
                    Uni<UUID> test = testId != null
                            ? Uni.createFrom().item(testId)
                            : connection
                                    .preparedQuery("""
                                    select id from competency_test where blueprint @> jsonb_build_array(jsonb_build_object('skill', $1::text))
                                    order by created_at desc, id limit 1""")
                                    .execute(Tuple.of(skill))
                                    .map(rows -> rows.size() == 0
                                            ? null
                                            : rows.iterator().next().getUUID("id"));
                    return test.flatMap(found -> found == null
                            ? Uni.createFrom().voidItem()
                            : policies.find(connection, completed.getString("business_unit"))
                                    .flatMap(policy -> {
                                        LocalDate due =
                                                LocalDate.now(ZoneOffset.UTC).plusDays(policy.dueInDays());
                                        Reason reason = new Reason(
                                                "RETEST",
                                                skill,
                                                null,
                                                null,
                                                null,
                                                "every training of " + skill + " completed: re-test the skill");
                                        return store.insert(
                                                        connection,
                                                        new AssignmentStore.Draft(
                                                                userId,
                                                                completed.getString("business_unit"),
                                                                "TEST",
                                                                skill,
                                                                null,
                                                                null,
                                                                found,
                                                                due,
                                                                reason,
                                                                "system"))
                                                .flatMap(retest -> retest == null
                                                        ? Uni.createFrom().voidItem()
                                                        : store.find(connection, retest)
                                                                .flatMap(view -> events.record(
                                                                        connection,
                                                                        TrainingEvents.ASSIGNED,
                                                                        List.of(view))));
                                    }));
                });
    }

    /** HR assigns by hand, to one person or in bulk. */
    public Uni<BulkResult> assign(Caller caller, NewAssignments request) {
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
        Reason reason = request.scoreBelow() != null
                ? new Reason(
                        "MANUAL",
                        request.scoreBelow().skill(),
                        null,
                        request.scoreBelow().score(),
                        null,
                        "latest score on " + request.scoreBelow().skill() + " under "
                                + request.scoreBelow().score() + (request.note() == null ? "" : ": " + request.note()))
                : new Reason(
                        "MANUAL",
                        request.skill(),
                        null,
                        null,
                        null,
                        request.note() == null ? "assigned by " + caller.userId() : request.note());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return pool.withTransaction(connection -> checkReferences(connection, request)
                        .flatMap(checked -> connection
                                .preparedQuery(TARGETS)
                                .execute(Tuple.tuple(Arrays.asList(
                                        request.userId(),
                                        request.businessUnit(),
                                        request.jobRole(),
                                        request.scoreBelow() == null
                                                ? null
                                                : request.scoreBelow().skill(),
                                        request.scoreBelow() == null
                                                ? null
                                                : request.scoreBelow().score()))))
                        .flatMap(rows -> {
                            List<String> users = new ArrayList<>(rows.size());
                            List<String> units = new ArrayList<>(rows.size());
                            rows.forEach(row -> {
                                users.add(row.getString("user_id"));
                                units.add(row.getString("business_unit"));
                            });
                            Uni<List<ModuleCandidate>> candidates = request.testId() != null
                                    ? Uni.createFrom().item(List.of())
                                    : modules.candidates(connection, request.skill(), request.moduleId());
                            return candidates
                                    .flatMap(found -> policiesOf(connection, units)
                                            .map(policyOf -> units.stream()
                                                    .map(unit -> request.testId() != null
                                                            ? RetrainingPlanner.test(
                                                                    policyOf.get(unit), today, request.dueOn())
                                                            : RetrainingPlanner.training(
                                                                    policyOf.get(unit),
                                                                    request.mode(),
                                                                    found,
                                                                    today,
                                                                    request.dueOn()))
                                                    .toList()))
                                    .flatMap(plans -> connection
                                            .preparedQuery(BULK)
                                            .execute(Tuple.tuple(Arrays.asList(
                                                    users.toArray(String[]::new),
                                                    units.toArray(String[]::new),
                                                    plans.stream()
                                                            .map(RetrainingPlanner.Plan::moduleId)
                                                            .toArray(UUID[]::new),
                                                    plans.stream()
                                                            .map(plan -> plan.mode() == null
                                                                    ? null
                                                                    : plan.mode()
                                                                            .name())
                                                            .toArray(String[]::new),
                                                    plans.stream()
                                                            .map(RetrainingPlanner.Plan::dueOn)
                                                            .toArray(LocalDate[]::new),
                                                    request.testId(),
                                                    request.skill(),
                                                    store.json().write(reason),
                                                    caller.userId(),
                                                    OutboxTrace.current()))))
                                    .map(inserted -> new Written(
                                            users.size(), inserted.iterator().next()));
                        }))
                .flatMap(written -> {
                    int assigned = written.row().getLong("assigned").intValue();
                    int targeted = written.targeted();
                    UUID[] shown = written.row().getArrayOfUUIDs("shown");
                    return store.findAll(pool, shown == null ? List.of() : List.of(shown))
                            .map(views -> new BulkResult(assigned, targeted - assigned, views));
                })
                .invoke(events::flushSoon);
    }

    /** How many people a bulk assignment targeted, and the statement's answer. */
    private record Written(int targeted, Row row) {}

    /**
     * The policy in force for each business unit named (null: the fallback), read once per unit; a
     * person without a business unit gets the fallback.
     */
    private Uni<Map<String, PolicyView>> policiesOf(SqlConnection connection, List<String> units) {
        List<String> distinct =
                units.stream().filter(java.util.Objects::nonNull).distinct().toList();
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

    private Uni<Void> checkReferences(SqlConnection connection, NewAssignments request) {
        return connection
                .preparedQuery("""
                        select (select count(*) from skill where code = $1) as skill,
                               (select count(*) from training_module where id = $2 and ($1::varchar is null or $1 = any(skills))) as module,
                               (select count(*) from competency_test where id = $3) as test""")
                .execute(Tuple.tuple(Arrays.asList(request.skill(), request.moduleId(), request.testId())))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    List<FieldError> errors = new ArrayList<>();
                    if (request.skill() != null && row.getLong("skill") == 0) {
                        errors.add(new FieldError("skill", "no skill '" + request.skill() + "' in the catalogue"));
                    }
                    if (request.moduleId() != null && row.getLong("module") == 0) {
                        errors.add(
                                new FieldError("moduleId", "no module " + request.moduleId() + " covering the skill"));
                    }
                    if (request.testId() != null && row.getLong("test") == 0) {
                        errors.add(new FieldError("testId", "no test " + request.testId()));
                    }
                    if (!errors.isEmpty()) {
                        throw new InvalidInput(errors);
                    }
                    return null;
                });
    }

    /** HR changes the due date or the mode, or cancels; an open assignment due again in the future is no longer overdue. */
    public Uni<AssignmentView> change(UUID id, AssignmentChange change) {
        if (change.dueOn() == null && change.mode() == null && change.status() == null) {
            throw new InvalidInput("dueOn", "name a dueOn, a mode, or status CANCELLED");
        }
        return pool.withTransaction(connection -> seats.lockSessionsOf(connection, id)
                .flatMap(locked -> connection
                        .preparedQuery(
                                "select user_id, kind, skill, status, session_id from assignment where id = $1 for update")
                        .execute(Tuple.of(id)))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        throw new NotFoundException("No assignment " + id);
                    }
                    Row row = rows.iterator().next();
                    String status = row.getString("status");
                    if ("COMPLETED".equals(status) || "CANCELLED".equals(status)) {
                        throw new Conflict("The assignment is " + status.toLowerCase() + "; it no longer changes");
                    }
                    if (change.mode() != null && "TEST".equals(row.getString("kind"))) {
                        throw new InvalidInput("mode", "a test assignment has no mode");
                    }
                    UUID session = row.getUUID("session_id");
                    boolean releaseSeat =
                            session != null && ("CANCELLED".equals(change.status()) || change.mode() != null);
                    boolean leaves = "CANCELLED".equals(change.status()) || change.mode() != null;
                    Uni<?> released = (releaseSeat
                                    ? seats.release(connection, session, row.getString("user_id"))
                                    : Uni.createFrom().voidItem())
                            .flatMap(seat -> leaves
                                    ? connection
                                            .preparedQuery("delete from waitlist where assignment_id = $1")
                                            .execute(Tuple.of(id))
                                            .replaceWithVoid()
                                    : Uni.createFrom().voidItem());
                    Uni<UUID> module = change.mode() == null
                            ? Uni.createFrom().nullItem()
                            : connection
                                    .preparedQuery("""
                                    select id from training_module where $1 = any(skills) and mode = $2 order by created_at desc, id limit 1""")
                                    .execute(Tuple.of(
                                            row.getString("skill"),
                                            change.mode().name()))
                                    .map(found -> {
                                        if (found.size() == 0) {
                                            throw new InvalidInput(
                                                    "mode",
                                                    "no " + change.mode() + " module covers " + row.getString("skill"));
                                        }
                                        return found.iterator().next().getUUID("id");
                                    });
                    return released.replaceWith(module)
                            .flatMap(moduleId -> connection
                                    .preparedQuery("""
                                    update assignment set
                                        due_on = coalesce($2, due_on),
                                        mode = coalesce($3, mode),
                                        module_id = coalesce($4, module_id),
                                        session_id = case when $5 then null else session_id end,
                                        status = case when $6::varchar is not null then $6
                                                      when status = 'OVERDUE' and coalesce($2, due_on) >= current_date then 'ASSIGNED'
                                                      else status end,
                                        updated_at = now()
                                    where id = $1""")
                                    .execute(Tuple.tuple(Arrays.asList(
                                            id,
                                            change.dueOn(),
                                            change.mode() == null
                                                    ? null
                                                    : change.mode().name(),
                                            moduleId,
                                            releaseSeat,
                                            change.status()))))
                            .flatMap(done -> store.find(connection, id));
                }));
    }
}
