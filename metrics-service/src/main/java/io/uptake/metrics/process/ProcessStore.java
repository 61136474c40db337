package io.uptake.metrics.process;

import io.smallrye.mutiny.Uni;
import io.uptake.metrics.api.DateRange;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.Pages;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Rules of order, and their evaluation over the event log, in PostgreSQL. */
@ApplicationScoped
public class ProcessStore {

    /**
     * For each day, unit and person: the rule's actions on an object in the range, and those with no first action
     * on the same object in the days before (by when the events happened, not when they arrived, so that events
     * sent late or out of order are judged as they happened). The unit is the person's on the roster now.
     */
    private static final String EVALUATE = """
            select e.day, p.business_unit, e.user_id, p.display_name, count(*) as checked,
                   count(*) filter (where not exists (
                       select 1 from usage_event f
                        where f.object_id = e.object_id and f.action = $3
                          and f.occurred_at between e.occurred_at - make_interval(days => $4) and e.occurred_at
                          and f.day between e.day - $4 and e.day)) as violations
              from usage_event e join person p on p.user_id = e.user_id
             where e.action = $5 and e.object_id is not null and e.day between $1 and $2
               and ($6::varchar is null or p.business_unit = $6)
             group by 1, 2, 3, 4""";

    /** One day, unit and person's counts for a rule. */
    public record DayCount(
            LocalDate day, String businessUnit, String userId, String displayName, long checked, long violations) {}

    private final Pool pool;

    public ProcessStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<ProcessRule> insert(ProcessRule rule) {
        return pool.preparedQuery("""
                        insert into process_rule (id, name, business_unit, first_action, then_action, within_days, created_by)
                        values ($1, $2, $3, $4, $5, $6, $7) returning *""")
                .execute(Tuple.tuple(Arrays.asList(
                        rule.id(),
                        rule.name(),
                        rule.businessUnit(),
                        rule.firstAction(),
                        rule.thenAction(),
                        rule.withinDays(),
                        rule.createdBy())))
                .map(rows -> view(rows.iterator().next()));
    }

    public Uni<Boolean> delete(UUID id) {
        return pool.preparedQuery("delete from process_rule where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.rowCount() > 0);
    }

    public Uni<PageView<ProcessRule>> page(int page, int size) {
        return pool.preparedQuery(
                        "select *, " + Pages.TOTAL + " from process_rule order by created_at, id limit $1 offset $2")
                .execute(Tuple.of(size, (long) page * size))
                .map(rows -> Pages.of(rows, ProcessStore::view, page, size));
    }

    /** The rules that apply to a unit (its own and the organisation's), or every rule (unit null). */
    public Uni<List<ProcessRule>> rules(String businessUnit, UUID only) {
        return pool.preparedQuery("""
                        select * from process_rule
                         where ($1::varchar is null or business_unit is null or business_unit = $1)
                           and ($2::uuid is null or id = $2)
                         order by created_at, id""")
                .execute(Tuple.tuple(Arrays.asList(businessUnit, only)))
                .map(rows -> {
                    List<ProcessRule> rules = new ArrayList<>(rows.size());
                    rows.forEach(row -> rules.add(view(row)));
                    return rules;
                });
    }

    /** A rule's counts per day, unit and person over the range, for the people of {@code businessUnit} (null: all the rule covers). */
    public Uni<List<DayCount>> evaluate(ProcessRule rule, DateRange range, String businessUnit) {
        String unit = rule.businessUnit() != null ? rule.businessUnit() : businessUnit;
        if (rule.businessUnit() != null
                && businessUnit != null
                && !rule.businessUnit().equals(businessUnit)) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery(EVALUATE)
                .execute(Tuple.tuple(Arrays.asList(
                        range.from(), range.to(), rule.firstAction(), rule.withinDays(), rule.thenAction(), unit)))
                .map(rows -> {
                    List<DayCount> counts = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        counts.add(new DayCount(
                                row.getLocalDate("day"),
                                row.getString("business_unit"),
                                row.getString("user_id"),
                                row.getString("display_name"),
                                row.getLong("checked"),
                                row.getLong("violations")));
                    }
                    return counts;
                });
    }

    private static ProcessRule view(Row row) {
        return new ProcessRule(
                row.getUUID("id"),
                row.getString("name"),
                row.getString("business_unit"),
                row.getString("first_action"),
                row.getString("then_action"),
                row.getInteger("within_days"),
                row.getString("created_by"),
                row.getOffsetDateTime("created_at"));
    }
}
