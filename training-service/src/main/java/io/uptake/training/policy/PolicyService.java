package io.uptake.training.policy;

import io.smallrye.mutiny.Uni;
import io.uptake.training.module.Mode;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** One retraining policy per business unit. */
@ApplicationScoped
public class PolicyService {

    private final Pool pool;

    public PolicyService(Pool pool) {
        this.pool = pool;
    }

    public Uni<PolicyView> put(String businessUnit, PolicyRequest request) {
        return pool.preparedQuery("""
                        insert into training_policy (business_unit, threshold, preferred_mode, due_in_days) values ($1, $2, $3, $4)
                        on conflict (business_unit) do update set threshold = excluded.threshold, preferred_mode = excluded.preferred_mode,
                            due_in_days = excluded.due_in_days, updated_at = now()""")
                .execute(Tuple.of(
                        businessUnit,
                        request.threshold(),
                        request.preferredMode().name(),
                        request.dueInDays()))
                .replaceWith(new PolicyView(
                        businessUnit, request.threshold(), request.preferredMode(), request.dueInDays(), false));
    }

    /** The policy of a business unit, or the fallback. */
    public Uni<PolicyView> find(SqlClient client, String businessUnit) {
        if (businessUnit == null) {
            return Uni.createFrom().item(PolicyView.fallback(null));
        }
        return client.preparedQuery("select * from training_policy where business_unit = $1")
                .execute(Tuple.of(businessUnit))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return PolicyView.fallback(businessUnit);
                    }
                    Row row = rows.iterator().next();
                    return new PolicyView(
                            businessUnit,
                            row.getInteger("threshold"),
                            Mode.valueOf(row.getString("preferred_mode")),
                            row.getInteger("due_in_days"),
                            false);
                });
    }

    public Uni<PolicyView> find(String businessUnit) {
        return find(pool, businessUnit);
    }
}
