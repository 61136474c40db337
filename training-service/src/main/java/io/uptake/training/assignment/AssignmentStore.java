package io.uptake.training.assignment;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.Json;
import io.uptake.platform.api.PageView;
import io.uptake.platform.outbox.Outbox;
import io.uptake.platform.outbox.OutboxTrace;
import io.uptake.training.module.Mode;
import io.uptake.training.roster.NameSearch;
import io.uptake.training.session.SessionRef;
import io.uptake.training.session.WaitlistRef;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Assignments in PostgreSQL, read with their module title and session (when and where). */
@ApplicationScoped
public class AssignmentStore {

    /** Statuses in which an assignment is still to be done. */
    public static final String OPEN = "('ASSIGNED', 'IN_PROGRESS', 'OVERDUE')";

    /** The most a bulk assignment answers with. */
    static final int SHOWN = 100;

    /**
     * The status a reader sees: open work past its due date is OVERDUE whether or not the overdue check
     * has marked it yet (reads never write).
     */
    private static final String SEEN_STATUS =
            "case when a.status in ('ASSIGNED', 'IN_PROGRESS') and a.due_on < current_date then 'OVERDUE' else a.status end";

    private static final String SELECT = selecting("a.status");

    private static final String SELECT_AS_SEEN = selecting(SEEN_STATUS + " as status");

    private static String selecting(String status) {
        return """
            select a.id, a.user_id, p.display_name, a.business_unit, a.kind, a.skill, sk.name as skill_name, a.module_id,
                   m.title as module_title, m.url as module_url, a.mode, a.test_id, t.name as test_name,
                   a.session_id, s.starts_at, s.location, %s, a.due_on, a.reason::text as reason, a.created_by,
                   ab.display_name as assigned_by_name, a.created_at, a.completed_at, wl.session_id as waitlist_session_id,
                   wl.position as waitlist_position, wl.starts_at as waitlist_starts_at, wl.location as waitlist_location
            from assignment a left join training_module m on m.id = a.module_id left join training_session s on s.id = a.session_id
            left join person p on p.user_id = a.user_id left join person ab on ab.user_id = a.created_by
            left join skill sk on sk.code = a.skill left join competency_test t on t.id = a.test_id
            left join lateral (
                select w.session_id, ws.starts_at, ws.location,
                       (select count(*) from waitlist ahead where ahead.session_id = w.session_id and ahead.id <= w.id) as position
                from waitlist w join training_session ws on ws.id = w.session_id
                where w.assignment_id = a.id order by w.id limit 1) wl on true
            """.formatted(status);
    }

    /**
     * The listing's filters: person ($1), statuses as seen ($2), business unit ($3), a name or user id
     * containing ($4, a LIKE pattern).
     */
    private static final String LISTED = "($1::varchar is null or a.user_id = $1) and ($2::varchar[] is null or "
            + SEEN_STATUS + " = any($2)) and ($3::varchar is null or a.business_unit = $3)"
            + " and ($4::varchar is null or a.user_id ilike $4 or p.display_name ilike $4)";

    /** How a listing may be ordered ({@code sort}), ties broken by creation and id. */
    public static final Map<String, String> ORDERS = Map.of(
            "dueOn", "a.due_on, a.created_at, a.id",
            "-dueOn", "a.due_on desc, a.created_at desc, a.id",
            "createdAt", "a.created_at, a.id",
            "-createdAt", "a.created_at desc, a.id");

    /** What a listing asks for: each null means any; {@code statuses} as seen ({@link #SEEN_STATUS}). */
    public record Filter(String userId, List<AssignmentStatus> statuses, String businessUnit, String q, String sort) {}

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
                %s
                select 'training-events', i.user_id, json_build_object('eventId', gen_random_uuid(), 'type', 'training.assigned',
                        'occurredAt', now(), 'assignment', json_strip_nulls(json_build_object('id', i.id, 'userId', i.user_id,
                        'businessUnit', i.business_unit, 'kind', i.kind, 'skill', i.skill, 'moduleId', i.module_id,
                        'moduleTitle', m.title, 'mode', i.mode, 'testId', i.test_id, 'status', i.status, 'dueOn', i.due_on,
                        'reason', i.reason, 'assignedBy', i.created_by, 'createdAt', i.created_at)))::text, $10::varchar
                from inserted i left join training_module m on m.id = i.module_id
            )
            select (select count(*) from inserted) as assigned,
                   (select array_agg(id) from (select id from inserted limit %d) shown) as shown
            """.formatted(Outbox.INSERT, SHOWN);

    /** An assignment row as a command reads it, locked. */
    public record Locked(
            String userId,
            String businessUnit,
            AssignmentKind kind,
            String skill,
            UUID testId,
            AssignmentStatus status,
            UUID sessionId,
            Mode mode) {}

    /** A person a bulk assignment reaches, with their business unit (null: not on the roster). */
    public record Target(String userId, String businessUnit) {}

    /** One planned row of a bulk assignment. */
    public record Planned(Target target, RetrainingPlanner.Plan plan) {}

    /** What a bulk insert did: how many rows it inserted, and the ids of (up to {@link #SHOWN}) of them. */
    public record Inserted(int count, List<UUID> shown) {}

    /** How many skills, modules (covering the skill) and tests a manual assignment's references found. */
    public record References(long skills, long modules, long tests) {}

    private final Pool pool;
    private final Json json;

    public AssignmentStore(Pool pool, Json json) {
        this.pool = pool;
        this.json = json;
    }

    /** Inserts; null when an equal open TEST assignment exists already (a test is assigned once while open). */
    public Uni<UUID> insert(SqlClient client, AssignmentDraft draft) {
        UUID id = UUID.randomUUID();
        return client.preparedQuery("""
                        insert into assignment (id, user_id, business_unit, kind, skill, module_id, mode, test_id, status, due_on, reason, created_by)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, 'ASSIGNED', $9, $10::text::jsonb, $11)
                        on conflict do nothing""")
                .execute(Tuple.tuple(Arrays.asList(
                        id,
                        draft.userId(),
                        draft.businessUnit(),
                        draft.kind().name(),
                        draft.skill(),
                        draft.moduleId(),
                        draft.mode() == null ? null : draft.mode().name(),
                        draft.testId(),
                        draft.dueOn(),
                        json.write(draft.reason()),
                        draft.createdBy())))
                .map(rows -> rows.rowCount() == 1 ? id : null);
    }

    /**
     * Inserts the planned rows with their {@code training.assigned} events in one statement ({@link #BULK});
     * {@code testId} set: a test for each, else training of {@code skill}.
     */
    public Uni<Inserted> insertAll(
            SqlClient client, List<Planned> planned, UUID testId, String skill, Reason reason, String createdBy) {
        return client.preparedQuery(BULK)
                .execute(Tuple.tuple(Arrays.asList(
                        planned.stream().map(row -> row.target().userId()).toArray(String[]::new),
                        planned.stream().map(row -> row.target().businessUnit()).toArray(String[]::new),
                        planned.stream().map(row -> row.plan().moduleId()).toArray(UUID[]::new),
                        planned.stream()
                                .map(row -> row.plan().mode() == null
                                        ? null
                                        : row.plan().mode().name())
                                .toArray(String[]::new),
                        planned.stream().map(row -> row.plan().dueOn()).toArray(LocalDate[]::new),
                        testId,
                        skill,
                        json.write(reason),
                        createdBy,
                        OutboxTrace.current())))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    UUID[] shown = row.getArrayOfUUIDs("shown");
                    return new Inserted(row.getLong("assigned").intValue(), shown == null ? List.of() : List.of(shown));
                });
    }

    /** Whom a bulk assignment reaches ({@link #TARGETS}). */
    public Uni<List<Target>> targets(SqlClient client, NewAssignments request) {
        return client.preparedQuery(TARGETS)
                .execute(Tuple.tuple(Arrays.asList(
                        request.userId(),
                        request.businessUnit(),
                        request.jobRole(),
                        request.scoreBelow() == null
                                ? null
                                : request.scoreBelow().skill(),
                        request.scoreBelow() == null
                                ? null
                                : request.scoreBelow().score())))
                .map(rows -> {
                    List<Target> targets = new ArrayList<>(rows.size());
                    rows.forEach(
                            row -> targets.add(new Target(row.getString("user_id"), row.getString("business_unit"))));
                    return targets;
                });
    }

    /** Counts what a manual assignment refers to: the skill, the module (covering the skill), the test. */
    public Uni<References> references(SqlClient client, String skill, UUID moduleId, UUID testId) {
        return client.preparedQuery("""
                        select (select count(*) from skill where code = $1) as skill,
                               (select count(*) from training_module where id = $2 and ($1::varchar is null or $1 = any(skills))) as module,
                               (select count(*) from competency_test where id = $3) as test""")
                .execute(Tuple.tuple(Arrays.asList(skill, moduleId, testId)))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new References(row.getLong("skill"), row.getLong("module"), row.getLong("test"));
                });
    }

    public Uni<AssignmentView> find(SqlClient client, UUID id) {
        return client.preparedQuery(SELECT + " where a.id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : view(rows.iterator().next()));
    }

    public Uni<List<AssignmentView>> findAll(SqlClient client, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return client.preparedQuery(SELECT + " where a.id = any($1) order by a.created_at, a.skill")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(this::views);
    }

    public Uni<List<AssignmentView>> findAll(List<UUID> ids) {
        return findAll(pool, ids);
    }

    /**
     * A page of the assignments of a person and/or a business unit, optionally in some statuses (null: any)
     * and matching a name, in the filter's order (default: by due date); open work past its due date is
     * listed as OVERDUE ({@link #SEEN_STATUS}). The total is counted apart, so that it is honest on any page.
     */
    public Uni<PageView<AssignmentView>> page(Filter filter, int page, int size) {
        String[] seen = filter.statuses() == null
                ? null
                : filter.statuses().stream().map(Enum::name).toArray(String[]::new);
        String like = NameSearch.pattern(filter.q());
        String order = ORDERS.getOrDefault(filter.sort() == null ? "dueOn" : filter.sort(), ORDERS.get("dueOn"));
        return pool.preparedQuery(SELECT_AS_SEEN + " where " + LISTED + " order by " + order + " limit $5 offset $6")
                .execute(Tuple.tuple(Arrays.asList(
                        filter.userId(),
                        seen,
                        filter.businessUnit(),
                        like,
                        size,
                        io.uptake.platform.api.PagingLimit.offset(page, size))))
                .flatMap(rows -> pool.preparedQuery(
                                "select count(*) from assignment a left join person p on p.user_id = a.user_id where "
                                        + LISTED)
                        .execute(Tuple.tuple(Arrays.asList(filter.userId(), seen, filter.businessUnit(), like)))
                        .map(count -> new PageView<>(
                                views(rows), page, size, count.iterator().next().getLong(0))));
    }

    /** Marks OVERDUE what is still open after its due date; returns how many. */
    public Uni<Integer> markOverdue() {
        return pool.preparedQuery("""
                        update assignment set status = 'OVERDUE', updated_at = now()
                        where status in ('ASSIGNED', 'IN_PROGRESS') and due_on < current_date""").execute().map(rows -> rows.rowCount());
    }

    /** Locks the assignment row for a change; null when there is none. */
    public Uni<Locked> lock(SqlClient client, UUID id) {
        return client.preparedQuery(
                        "select user_id, business_unit, kind, skill, test_id, status, session_id, mode from assignment where id = $1 for update")
                .execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new Locked(
                            row.getString("user_id"),
                            row.getString("business_unit"),
                            AssignmentKind.valueOf(row.getString("kind")),
                            row.getString("skill"),
                            row.getUUID("test_id"),
                            AssignmentStatus.valueOf(row.getString("status")),
                            row.getUUID("session_id"),
                            row.getString("mode") == null ? null : Mode.valueOf(row.getString("mode")));
                });
    }

    public Uni<Void> markCompleted(SqlClient client, UUID id) {
        return client.preparedQuery("""
                        update assignment set status = 'COMPLETED', completed_at = now(), updated_at = now()
                        where id = $1""").execute(Tuple.of(id)).replaceWithVoid();
    }

    /**
     * Completes the person's open assignments of this test that an attempt answered: every one after the whole
     * test, only the re-tests of {@code skill} after that skill alone. The ids completed.
     */
    public Uni<List<UUID>> completeTests(SqlClient client, String userId, UUID testId, String skill) {
        return client.preparedQuery("""
                        update assignment set status = 'COMPLETED', completed_at = now(), updated_at = now()
                        where user_id = $1 and test_id = $2 and kind = 'TEST' and ($3::varchar is null or skill = $3)
                        and status in """ + OPEN + " returning id")
                .execute(Tuple.of(userId, testId, skill))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getUUID("id")));
                    return ids;
                });
    }

    /** The assignments an attempt began on are in progress: as {@link #completeTests} chooses them. */
    public Uni<Void> startTests(SqlClient client, String userId, UUID testId, String skill) {
        return client.preparedQuery("""
                        update assignment set status = 'IN_PROGRESS', updated_at = now()
                        where user_id = $1 and test_id = $2 and kind = 'TEST' and ($3::varchar is null or skill = $3)
                        and status in ('ASSIGNED', 'OVERDUE')""")
                .execute(Tuple.of(userId, testId, skill))
                .replaceWithVoid();
    }

    /** Whether the person has an open assignment of this test: any, or ({@code skill} set) a re-test of that skill. */
    public Uni<Boolean> hasOpenTest(SqlClient client, String userId, UUID testId, String skill) {
        return client.preparedQuery("""
                        select 1 from assignment where user_id = $1 and test_id = $2 and kind = 'TEST'
                        and ($3::varchar is null or skill = $3)
                        and status in ('ASSIGNED', 'IN_PROGRESS', 'OVERDUE')""")
                .execute(Tuple.of(userId, testId, skill))
                .map(rows -> rows.size() > 0);
    }

    public Uni<Boolean> hasOpenTraining(SqlClient client, String userId, String skill) {
        return client.preparedQuery(
                        "select 1 from assignment where user_id = $1 and skill = $2 and kind = 'TRAINING' and status in "
                                + OPEN)
                .execute(Tuple.of(userId, skill))
                .map(rows -> rows.size() > 0);
    }

    /** Books the assignment into a session (its seat taken already). */
    public Uni<Void> bookInto(SqlClient client, UUID id, UUID sessionId) {
        return client.preparedQuery("update assignment set session_id = $2 where id = $1")
                .execute(Tuple.of(id, sessionId))
                .replaceWithVoid();
    }

    /**
     * HR's change: each of due date, mode (with its module) and status when given; {@code unbook} clears the
     * session; an open assignment due again in the future is no longer overdue.
     */
    public Uni<Void> change(
            SqlClient client,
            UUID id,
            LocalDate dueOn,
            Mode mode,
            UUID moduleId,
            boolean unbook,
            AssignmentStatus status) {
        return client.preparedQuery("""
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
                        dueOn,
                        mode == null ? null : mode.name(),
                        moduleId,
                        unbook,
                        status == null ? null : status.name())))
                .replaceWithVoid();
    }

    private List<AssignmentView> views(Iterable<Row> rows) {
        List<AssignmentView> views = new ArrayList<>();
        rows.forEach(row -> views.add(view(row)));
        return views;
    }

    private AssignmentView view(Row row) {
        UUID sessionId = row.getUUID("session_id");
        return new AssignmentView(
                row.getUUID("id"),
                row.getString("user_id"),
                row.getString("display_name"),
                row.getString("business_unit"),
                AssignmentKind.valueOf(row.getString("kind")),
                row.getString("skill"),
                row.getString("skill_name"),
                row.getUUID("module_id"),
                row.getString("module_title"),
                row.getString("module_url"),
                row.getString("mode") == null ? null : Mode.valueOf(row.getString("mode")),
                row.getUUID("test_id"),
                row.getString("test_name"),
                sessionId == null
                        ? null
                        : new SessionRef(sessionId, row.getOffsetDateTime("starts_at"), row.getString("location")),
                row.getUUID("waitlist_session_id") == null
                        ? null
                        : new WaitlistRef(
                                row.getUUID("waitlist_session_id"),
                                row.getLong("waitlist_position").intValue(),
                                row.getOffsetDateTime("waitlist_starts_at"),
                                row.getString("waitlist_location")),
                AssignmentStatus.valueOf(row.getString("status")),
                row.getLocalDate("due_on"),
                json.read(row.getString("reason"), Reason.class),
                row.getString("created_by"),
                row.getString("assigned_by_name"),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("completed_at"));
    }
}
