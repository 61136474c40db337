package io.uptake.training.policy;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.Pages;
import io.uptake.training.module.Mode;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;

/** Retraining policies in PostgreSQL ({@code training_policy}), one per business unit. */
@ApplicationScoped
public class PolicyStore {

    private final Pool pool;
    private final PolicyDefaults defaults;

    public PolicyStore(Pool pool, PolicyDefaults defaults) {
        this.pool = pool;
        this.defaults = defaults;
    }

    public Uni<Void> upsert(String businessUnit, PolicyRequest request) {
        return pool.preparedQuery("""
                        insert into training_policy (business_unit, threshold, preferred_mode, due_in_days, instructor_led_from_gap, valid_months)
                        values ($1, $2, $3, $4, $5, $6)
                        on conflict (business_unit) do update set threshold = excluded.threshold, preferred_mode = excluded.preferred_mode,
                            due_in_days = excluded.due_in_days, instructor_led_from_gap = excluded.instructor_led_from_gap,
                            valid_months = excluded.valid_months, updated_at = now()""")
                .execute(Tuple.tuple(Arrays.asList(
                        businessUnit,
                        request.threshold(),
                        request.preferredMode().name(),
                        request.dueInDays(),
                        request.instructorLedFromGap(),
                        request.validMonths())))
                .replaceWithVoid();
    }

    /** The unit's own policy with the configured defaults filled in; null when it has none. */
    public Uni<PolicyView> find(SqlClient client, String businessUnit) {
        return client.preparedQuery("select * from training_policy where business_unit = $1")
                .execute(Tuple.of(businessUnit))
                .map(rows -> rows.size() == 0
                        ? null
                        : view(businessUnit, rows.iterator().next()));
    }

    /**
     * A page of the policies in force, by business unit: every unit with a policy, and every unit of the active
     * roster without one (its fallback, {@code defaulted: true}).
     */
    public Uni<PageView<PolicyView>> page(int page, int size) {
        return pool.preparedQuery("""
                        with units as (
                            select business_unit from training_policy
                            union
                            select distinct business_unit from person where active and business_unit is not null
                        )
                        select u.business_unit, tp.threshold, tp.preferred_mode, tp.due_in_days, tp.instructor_led_from_gap,
                               tp.valid_months, tp.business_unit is not null as own, count(*) over () as total
                        from units u left join training_policy tp on tp.business_unit = u.business_unit
                        order by u.business_unit limit $1 offset $2""")
                .execute(Tuple.of(size, io.uptake.platform.api.PagingLimit.offset(page, size)))
                .map(rows -> Pages.of(
                        rows,
                        row -> row.getBoolean("own")
                                ? view(row.getString("business_unit"), row)
                                : PolicyView.fallback(row.getString("business_unit"))
                                        .withDefaults(null, null, defaults),
                        page,
                        size));
    }

    private PolicyView view(String businessUnit, Row row) {
        return new PolicyView(
                        businessUnit,
                        row.getInteger("threshold"),
                        Mode.valueOf(row.getString("preferred_mode")),
                        row.getInteger("due_in_days"),
                        false)
                .withDefaults(row.getInteger("instructor_led_from_gap"), row.getInteger("valid_months"), defaults);
    }
}
