package io.uptake.training.policy;

import io.smallrye.mutiny.Uni;
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
