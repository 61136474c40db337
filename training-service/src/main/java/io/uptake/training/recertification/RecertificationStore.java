package io.uptake.training.recertification;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The passes about to expire (the expiry as {@link Certification#expiresOn}: the pass's UTC date plus the
 * unit's {@code valid_months}, else the default) and the record that one expiry's re-test was assigned
 * ({@code processed_event} key {@code recertify:<userId>:<skill>:<expiresOn>}).
 */
@ApplicationScoped
public class RecertificationStore {

    /** A pass whose re-test is due. */
    public record Expiring(String userId, String businessUnit, String skill, LocalDate expiresOn) {

        /** Its key in {@code processed_event}. */
        String key() {
            return "recertify:" + userId + ":" + skill + ":" + expiresOn;
        }
    }

    static final int BATCH = 500;

    private final Pool pool;

    public RecertificationStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Passes expiring within {@code windowDays} (or expired) whose re-test was not assigned yet and can be (a test
     * covers the skill; the person is not off the roster), soonest first.
     */
    public Uni<List<Expiring>> due(int defaultValidMonths, int windowDays) {
        return pool.preparedQuery("""
                        select s.user_id, s.business_unit, s.skill, c.expires_on
                        from skill_score s left join training_policy p on p.business_unit = s.business_unit
                        cross join lateral (
                            select ((s.scored_at at time zone 'UTC') + make_interval(months => coalesce(p.valid_months, $1)))::date as expires_on) c
                        where s.passed and c.expires_on <= (now() at time zone 'UTC')::date + $2::int
                          -- only what can be assigned now: a test covers the skill and the person is on the active
                          -- roster (else a batch of such passes, never claimed, would hold back everyone after them)
                          and exists (select 1 from competency_test t
                                      where t.blueprint @> jsonb_build_array(jsonb_build_object('skill', s.skill)))
                          and not exists (select 1 from person r where r.user_id = s.user_id and not r.active)
                          and not exists (select 1 from processed_event e
                                          where e.event_key = 'recertify:' || s.user_id || ':' || s.skill || ':' || c.expires_on::text)
                        order by c.expires_on, s.user_id, s.skill limit $3""")
                .execute(Tuple.of(defaultValidMonths, windowDays, BATCH))
                .map(rows -> {
                    List<Expiring> due = new ArrayList<>();
                    for (Row row : rows) {
                        due.add(new Expiring(
                                row.getString("user_id"),
                                row.getString("business_unit"),
                                row.getString("skill"),
                                row.getLocalDate("expires_on")));
                    }
                    return due;
                });
    }
}
