package io.uptake.training.policy;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.PageView;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

/** One retraining policy per business unit. */
@ApplicationScoped
public class PolicyService {

    private final Pool pool;
    private final PolicyStore store;
    private final PolicyDefaults defaults;

    public PolicyService(Pool pool, PolicyStore store, PolicyDefaults defaults) {
        this.pool = pool;
        this.store = store;
        this.defaults = defaults;
    }

    public Uni<PolicyView> put(String businessUnit, PolicyRequest request) {
        return store.upsert(businessUnit, request)
                .replaceWith(new PolicyView(
                                businessUnit, request.threshold(), request.preferredMode(), request.dueInDays(), false)
                        .withDefaults(request.instructorLedFromGap(), request.validMonths(), defaults));
    }

    /** What applies without a policy, with the configured defaults. */
    public PolicyView fallback(String businessUnit) {
        return PolicyView.fallback(businessUnit).withDefaults(null, null, defaults);
    }

    /** The policy of a business unit, or the fallback. */
    public Uni<PolicyView> find(SqlClient client, String businessUnit) {
        if (businessUnit == null) {
            return Uni.createFrom().item(fallback(null));
        }
        return store.find(client, businessUnit).map(found -> found != null ? found : fallback(businessUnit));
    }

    public Uni<PolicyView> find(String businessUnit) {
        return find(pool, businessUnit);
    }

    /** Every unit's policy in force, by business unit (units of the roster without one: the fallback). */
    public Uni<PageView<PolicyView>> page(int page, int size) {
        return store.page(page, size);
    }
}
