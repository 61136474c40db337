package io.uptake.metrics.effectiveness;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Training-service's assignments as metrics-service knows them from {@code uptake.training-events}. */
@ApplicationScoped
public class TrainingAssignmentStore {

    /** The state after an event; an event older than the one already applied changes nothing (redeliveries too). */
    private static final String UPSERT = """
            insert into training_assignment as a (assignment_id, user_id, business_unit, kind, skill, module_id,
                                                  module_title, mode, status, assigned_at, completed_at, event_at, due_on)
            select * from unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[],
                                 $7::varchar[], $8::varchar[], $9::varchar[], $10::timestamptz[], $11::timestamptz[],
                                 $12::timestamptz[], $13::date[])
            on conflict (assignment_id) do update set
                user_id = excluded.user_id, business_unit = excluded.business_unit, kind = excluded.kind,
                skill = excluded.skill, module_id = excluded.module_id, module_title = excluded.module_title,
                mode = excluded.mode, status = excluded.status, assigned_at = excluded.assigned_at,
                completed_at = excluded.completed_at, event_at = excluded.event_at, due_on = excluded.due_on
            where a.event_at <= excluded.event_at""";

    private static final String COMPLETED_TRAINING = """
            select assignment_id, user_id, business_unit, skill, module_id, module_title, mode, assigned_at, completed_at
              from training_assignment
             where kind = 'TRAINING' and status = 'COMPLETED' and completed_at >= $1 and completed_at < $2
               and ($3::varchar is null or business_unit = $3) and ($4::varchar is null or user_id = $4)
             order by completed_at, assignment_id
             limit $5""";

    /** An assignment as an event carried it. */
    public record Announced(
            UUID id,
            String userId,
            String businessUnit,
            String kind,
            String skill,
            String moduleId,
            String moduleTitle,
            String mode,
            String status,
            OffsetDateTime createdAt,
            OffsetDateTime completedAt,
            OffsetDateTime eventAt,
            LocalDate dueOn) {}

    private final Pool pool;

    public TrainingAssignmentStore(Pool pool) {
        this.pool = pool;
    }

    /** Applies the states of a batch (one per assignment) in one statement. */
    public Uni<Void> apply(List<Announced> assignments) {
        Tuple arguments = Tuple.tuple(List.of(
                assignments.stream().map(Announced::id).toArray(UUID[]::new),
                assignments.stream().map(Announced::userId).toArray(String[]::new),
                assignments.stream().map(Announced::businessUnit).toArray(String[]::new),
                assignments.stream().map(Announced::kind).toArray(String[]::new),
                assignments.stream().map(Announced::skill).toArray(String[]::new),
                assignments.stream().map(Announced::moduleId).toArray(String[]::new),
                assignments.stream().map(Announced::moduleTitle).toArray(String[]::new),
                assignments.stream().map(Announced::mode).toArray(String[]::new),
                assignments.stream().map(Announced::status).toArray(String[]::new),
                assignments.stream().map(Announced::createdAt).toArray(OffsetDateTime[]::new),
                assignments.stream().map(Announced::completedAt).toArray(OffsetDateTime[]::new),
                assignments.stream().map(Announced::eventAt).toArray(OffsetDateTime[]::new),
                assignments.stream().map(Announced::dueOn).toArray(LocalDate[]::new)));
        return pool.preparedQuery(UPSERT).execute(arguments).replaceWithVoid();
    }

    /**
     * Training completed on the days {@code from}..{@code to}, of one business unit and one person when given
     * (null: all), oldest first, at most {@code limit}.
     */
    public Uni<List<TrainedAssignment>> completed(
            LocalDate from, LocalDate to, String businessUnit, String userId, int limit) {
        return pool.preparedQuery(COMPLETED_TRAINING)
                .execute(Tuple.tuple(Arrays.asList(
                        from.atStartOfDay().atOffset(ZoneOffset.UTC),
                        to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC),
                        businessUnit,
                        userId,
                        limit)))
                .map(rows -> {
                    List<TrainedAssignment> completed = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        completed.add(new TrainedAssignment(
                                row.getUUID("assignment_id"),
                                row.getString("user_id"),
                                row.getString("business_unit"),
                                row.getString("skill"),
                                row.getString("module_id"),
                                row.getString("module_title"),
                                row.getString("mode"),
                                day(row.getOffsetDateTime("assigned_at")),
                                day(row.getOffsetDateTime("completed_at"))));
                    }
                    return completed;
                });
    }

    /** The people of a unit with training open past its due day (before {@code today}), by person. */
    public Uni<List<String>> overdue(String businessUnit, LocalDate today) {
        return pool.preparedQuery("""
                        select distinct user_id from training_assignment
                         where business_unit = $1 and status not in ('COMPLETED', 'CANCELLED') and due_on < $2
                         order by user_id""").execute(Tuple.of(businessUnit, today)).map(rows -> {
            List<String> people = new ArrayList<>(rows.size());
            rows.forEach(row -> people.add(row.getString("user_id")));
            return people;
        });
    }

    private static LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }
}
