package io.uptake.training.assignment;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.Json;
import io.uptake.training.session.SessionRef;
import io.uptake.training.session.WaitlistRef;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Assignments in PostgreSQL, read with their module title and session (when and where). */
@ApplicationScoped
public class AssignmentStore {

    /** Statuses in which an assignment is still to be done. */
    public static final String OPEN = "('ASSIGNED', 'IN_PROGRESS', 'OVERDUE')";

    static final String SELECT = """
            select a.id, a.user_id, a.business_unit, a.kind, a.skill, a.module_id, m.title as module_title, m.url as module_url, a.mode, a.test_id,
                   a.session_id, s.starts_at, s.location, a.status, a.due_on, a.reason::text as reason, a.created_by, a.created_at,
                   a.completed_at, wl.session_id as waitlist_session_id, wl.position as waitlist_position
            from assignment a left join training_module m on m.id = a.module_id left join training_session s on s.id = a.session_id
            left join lateral (
                select w.session_id, (select count(*) from waitlist ahead where ahead.session_id = w.session_id and ahead.id <= w.id) as position
                from waitlist w where w.assignment_id = a.id order by w.id limit 1) wl on true
            """;

    /** What a new assignment holds. */
    public record Draft(
            String userId,
            String businessUnit,
            String kind,
            String skill,
            UUID moduleId,
            String mode,
            UUID testId,
            LocalDate dueOn,
            Reason reason,
            String createdBy) {}

    private final Json json;

    public AssignmentStore(Json json) {
        this.json = json;
    }

    public Json json() {
        return json;
    }

    /** Inserts; null when an equal open TEST assignment exists already (a test is assigned once while open). */
    public Uni<UUID> insert(SqlClient client, Draft draft) {
        UUID id = UUID.randomUUID();
        return client.preparedQuery("""
                        insert into assignment (id, user_id, business_unit, kind, skill, module_id, mode, test_id, status, due_on, reason, created_by)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, 'ASSIGNED', $9, $10::text::jsonb, $11)
                        on conflict do nothing""")
                .execute(Tuple.tuple(Arrays.asList(
                        id,
                        draft.userId(),
                        draft.businessUnit(),
                        draft.kind(),
                        draft.skill(),
                        draft.moduleId(),
                        draft.mode(),
                        draft.testId(),
                        draft.dueOn(),
                        json.write(draft.reason()),
                        draft.createdBy())))
                .map(rows -> rows.rowCount() == 1 ? id : null);
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

    List<AssignmentView> views(Iterable<Row> rows) {
        List<AssignmentView> views = new ArrayList<>();
        rows.forEach(row -> views.add(view(row)));
        return views;
    }

    AssignmentView view(Row row) {
        UUID sessionId = row.getUUID("session_id");
        return new AssignmentView(
                row.getUUID("id"),
                row.getString("user_id"),
                row.getString("business_unit"),
                row.getString("kind"),
                row.getString("skill"),
                row.getUUID("module_id"),
                row.getString("module_title"),
                row.getString("module_url"),
                row.getString("mode"),
                row.getUUID("test_id"),
                sessionId == null
                        ? null
                        : new SessionRef(sessionId, row.getOffsetDateTime("starts_at"), row.getString("location")),
                row.getUUID("waitlist_session_id") == null
                        ? null
                        : new WaitlistRef(
                                row.getUUID("waitlist_session_id"),
                                row.getLong("waitlist_position").intValue()),
                row.getString("status"),
                row.getLocalDate("due_on"),
                json.read(row.getString("reason"), Reason.class),
                row.getString("created_by"),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("completed_at"));
    }
}
