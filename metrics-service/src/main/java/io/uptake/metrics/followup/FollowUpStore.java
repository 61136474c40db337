package io.uptake.metrics.followup;

import io.smallrye.mutiny.Uni;
import io.uptake.metrics.api.DateRange;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.Pages;
import io.uptake.platform.outbox.Outbox;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Follow-ups in PostgreSQL; a training action's event goes to the outbox in the same transaction. */
@ApplicationScoped
public class FollowUpStore {

    /** The names of the person and of who recorded the follow-up, as the roster knows them now (or null). */
    private static final String NAMED = """
            select f.*, person.display_name, recorder.display_name as recorded_by_name%s
              from %s f
              left join person on person.user_id = f.user_id
              left join person recorder on recorder.user_id = f.recorded_by""";

    private static final String INSERT = "with saved as (" + """
            insert into follow_up (id, user_id, business_unit, met_on, root_cause, notes, action_kind, action_text,
                                   action_skill, action_due_on, recorded_by)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            returning *)
            """ + NAMED.formatted("", "saved");

    private static final String OF_PERSON = NAMED.formatted(", " + Pages.TOTAL, "follow_up")
            + " where f.user_id = $1 order by f.met_on desc, f.recorded_at desc, f.id limit $2 offset $3";

    private static final String CAUSES = """
            select business_unit, root_cause, met_on, count(*) as follow_ups from follow_up
             where met_on between $1 and $2 and ($3::varchar is null or business_unit = $3)
             group by 1, 2, 3""";

    private static final String LAST_OF = """
            select user_id, max(met_on) as last_met_on from follow_up
             where user_id = any($1) and met_on >= $2 group by user_id""";

    /** What the outbox gets with a follow-up: a record for {@code channel}, keyed by the person. */
    public record Announcement(String channel, String key, String payload) {}

    private final Pool pool;
    private final Outbox outbox;

    public FollowUpStore(Pool pool, Outbox outbox) {
        this.pool = pool;
        this.outbox = outbox;
    }

    /** Records the follow-up and, when given, its announcement, in one transaction. */
    public Uni<FollowUpView> insert(FollowUpView followUp, Announcement announcement) {
        FollowUpView.AgreedAction action = followUp.action();
        Tuple values = Tuple.tuple(Arrays.asList(
                followUp.id(),
                followUp.userId(),
                followUp.businessUnit(),
                followUp.metOn(),
                followUp.rootCause(),
                followUp.notes(),
                action == null ? null : action.kind(),
                action == null ? null : action.description(),
                action == null ? null : action.skill(),
                action == null ? null : action.dueOn(),
                followUp.recordedBy()));
        return pool.withTransaction(connection -> connection
                        .preparedQuery(INSERT)
                        .execute(values)
                        .map(rows -> view(rows.iterator().next()))
                        .call(saved -> announcement == null
                                ? Uni.createFrom().voidItem()
                                : outbox.write(
                                        connection,
                                        announcement.channel(),
                                        announcement.key(),
                                        announcement.payload())))
                .invoke(() -> {
                    if (announcement != null) {
                        outbox.runSoon();
                    }
                });
    }

    public Uni<PageView<FollowUpView>> ofPerson(String userId, int page, int size) {
        return pool.preparedQuery(OF_PERSON)
                .execute(Tuple.of(userId, size, (long) page * size))
                .map(rows -> Pages.of(rows, FollowUpStore::view, page, size));
    }

    /** Follow-ups per business unit (or of one unit), root cause and day of the conversation. */
    public Uni<List<RootCauseRow>> causes(DateRange range, String businessUnit, List<DateRange> periods) {
        return pool.preparedQuery(CAUSES)
                .execute(Tuple.tuple(Arrays.asList(range.from(), range.to(), businessUnit)))
                .map(rows -> {
                    Map<RootCauseRow, Long> counts = new HashMap<>();
                    for (Row row : rows) {
                        LocalDate day = row.getLocalDate("met_on");
                        DateRange period = DateRange.holding(periods, day);
                        RootCauseRow bucket = new RootCauseRow(
                                period.from(),
                                period.to(),
                                row.getString("business_unit"),
                                row.getString("root_cause"),
                                0);
                        counts.merge(bucket, row.getLong("follow_ups"), Long::sum);
                    }
                    return counts.entrySet().stream()
                            .map(count -> count.getKey().withFollowUps(count.getValue()))
                            .sorted(RootCauseRow.ORDER)
                            .toList();
                });
    }

    /** For each of these people followed up on or after {@code since}: the day of their last follow-up. */
    public Uni<Map<String, LocalDate>> lastFollowUps(Collection<String> userIds, LocalDate since) {
        if (userIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery(LAST_OF)
                .execute(Tuple.of(userIds.toArray(String[]::new), since))
                .map(rows -> {
                    Map<String, LocalDate> last = new HashMap<>();
                    rows.forEach(row -> last.put(row.getString("user_id"), row.getLocalDate("last_met_on")));
                    return last;
                });
    }

    private static FollowUpView view(Row row) {
        String kind = row.getString("action_kind");
        return new FollowUpView(
                row.getUUID("id"),
                row.getString("user_id"),
                row.getString("display_name"),
                row.getString("business_unit"),
                row.getLocalDate("met_on"),
                row.getString("root_cause"),
                row.getString("notes"),
                kind == null
                        ? null
                        : new FollowUpView.AgreedAction(
                                kind,
                                row.getString("action_text"),
                                row.getString("action_skill"),
                                row.getLocalDate("action_due_on")),
                row.getString("recorded_by"),
                row.getString("recorded_by_name"),
                row.getOffsetDateTime("recorded_at"));
    }
}
