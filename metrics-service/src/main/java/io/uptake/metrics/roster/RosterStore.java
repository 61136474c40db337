package io.uptake.metrics.roster;

import io.smallrye.mutiny.Uni;
import io.uptake.metrics.outbox.OutboxTrace;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;

/** The roster in PostgreSQL. Every change also writes its outbox row, in the same statement. */
@ApplicationScoped
public class RosterStore {

    /** What an upsert changed: people created, people updated (a row sent as it already was is neither). */
    public record Changes(int created, int updated) {
    }

    private static final String UPSERT = """
            with incoming as (
                select * from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[],
                                     $6::varchar[], $7::boolean[], $8::boolean[])
                    as t(user_id, display_name, email, business_unit, job_role, manager_id, executive, active)
            ), changed as (
                insert into person as p (user_id, display_name, email, business_unit, job_role, manager_id, executive, active)
                select * from incoming
                on conflict (user_id) do update set
                    display_name = excluded.display_name, email = excluded.email, business_unit = excluded.business_unit,
                    job_role = excluded.job_role, manager_id = excluded.manager_id, executive = excluded.executive,
                    active = excluded.active, updated_at = now()
                where (p.display_name, p.email, p.business_unit, p.job_role, p.manager_id, p.executive, p.active)
                      is distinct from
                      (excluded.display_name, excluded.email, excluded.business_unit, excluded.job_role,
                       excluded.manager_id, excluded.executive, excluded.active)
                returning p.*, (p.xmax = 0) as created
            ), published as (
                insert into outbox (channel, key, payload, traceparent)
                select 'people', user_id, json_build_object(
                        'userId', user_id, 'displayName', display_name, 'email', email, 'businessUnit', business_unit,
                        'jobRole', job_role, 'managerId', manager_id, 'executive', executive, 'active', active,
                        'updatedAt', updated_at)::text, $9::varchar
                from changed
            )
            select count(*) filter (where created) as created, count(*) filter (where not created) as updated from changed
            """;

    private final Pool pool;

    public RosterStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<Changes> upsert(List<PersonEntry> people) {
        Tuple arguments = Tuple.tuple(Arrays.asList(
                people.stream().map(PersonEntry::userId).toArray(String[]::new),
                people.stream().map(PersonEntry::displayName).toArray(String[]::new),
                people.stream().map(PersonEntry::email).toArray(String[]::new),
                people.stream().map(PersonEntry::businessUnit).toArray(String[]::new),
                people.stream().map(PersonEntry::jobRole).toArray(String[]::new),
                people.stream().map(PersonEntry::managerId).toArray(String[]::new),
                people.stream().map(PersonEntry::executive).toArray(Boolean[]::new),
                people.stream().map(PersonEntry::active).toArray(Boolean[]::new),
                OutboxTrace.current()));
        return pool.preparedQuery(UPSERT).execute(arguments).map(rows -> {
            Row row = rows.iterator().next();
            return new Changes(row.getLong("created").intValue(), row.getLong("updated").intValue());
        });
    }

    /** Everyone active on the roster, or those of one business unit. */
    public Uni<List<PersonView>> active(String businessUnit) {
        return pool.preparedQuery("select * from person where active and ($1::varchar is null or business_unit = $1) order by user_id")
                .execute(Tuple.of(businessUnit))
                .map(rows -> {
                    List<PersonView> people = new java.util.ArrayList<>(rows.size());
                    rows.forEach(row -> people.add(PersonView.of(row)));
                    return people;
                });
    }

    /** The active people flagged as executives, for the leadership report. */
    public Uni<List<PersonView>> executives() {
        return pool.preparedQuery("select * from person where active and executive order by user_id")
                .execute()
                .map(rows -> {
                    List<PersonView> people = new java.util.ArrayList<>(rows.size());
                    rows.forEach(row -> people.add(PersonView.of(row)));
                    return people;
                });
    }

    public Uni<PersonView> find(String userId) {
        return pool.preparedQuery("select * from person where user_id = $1").execute(Tuple.of(userId))
                .map(rows -> rows.size() == 0 ? null : PersonView.of(rows.iterator().next()));
    }
}
