package io.uptake.metrics.practice;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Approved local practices in PostgreSQL: one per business unit and action. */
@ApplicationScoped
public class PracticeStore {

    private final Pool pool;

    public PracticeStore(Pool pool) {
        this.pool = pool;
    }

    /** Approves (or re-approves with a new reason); true when it was not approved before. */
    public Uni<Boolean> approve(ApprovedPractice practice) {
        return pool.preparedQuery("""
                        insert into approved_practice (business_unit, action, reason, approved_by)
                        values ($1, $2, $3, $4)
                        on conflict (business_unit, action) do update
                            set reason = excluded.reason, approved_by = excluded.approved_by, approved_at = now()
                        returning (xmax = 0) as created""")
                .execute(Tuple.of(practice.businessUnit(), practice.action(), practice.reason(), practice.approvedBy()))
                .map(rows -> rows.iterator().next().getBoolean("created"));
    }

    /** Withdraws an approval; false when there was none. */
    public Uni<Boolean> withdraw(String businessUnit, String action) {
        return pool.preparedQuery("delete from approved_practice where business_unit = $1 and action = $2")
                .execute(Tuple.of(businessUnit, action))
                .map(rows -> rows.rowCount() > 0);
    }

    public Uni<ApprovedPractice> find(String businessUnit, String action) {
        return pool.preparedQuery("select * from approved_practice where business_unit = $1 and action = $2")
                .execute(Tuple.of(businessUnit, action))
                .map(rows -> rows.size() == 0 ? null : view(rows.iterator().next()));
    }

    /** Every approved practice, by unit then action. */
    public Uni<List<ApprovedPractice>> all() {
        return pool.preparedQuery("select * from approved_practice order by business_unit, action")
                .execute()
                .map(rows -> {
                    List<ApprovedPractice> all = new ArrayList<>(rows.size());
                    rows.forEach(row -> all.add(view(row)));
                    return all;
                });
    }

    /** The approved actions of each unit. */
    public Uni<Map<String, Set<String>>> approvedActions() {
        return all().map(practices -> {
            Map<String, Set<String>> byUnit = new HashMap<>();
            practices.forEach(practice -> byUnit.computeIfAbsent(practice.businessUnit(), unit -> new HashSet<>())
                    .add(practice.action()));
            return byUnit;
        });
    }

    private static ApprovedPractice view(Row row) {
        return new ApprovedPractice(
                row.getString("business_unit"),
                row.getString("action"),
                row.getString("reason"),
                row.getString("approved_by"),
                row.getOffsetDateTime("approved_at"));
    }
}
