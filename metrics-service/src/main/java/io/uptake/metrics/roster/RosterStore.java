package io.uptake.metrics.roster;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.outbox.Outbox;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The roster in PostgreSQL. Every change also writes its outbox row, in the same statement. */
@ApplicationScoped
public class RosterStore {

    /** What an upsert changed: people created, people updated (a row sent as it already was is neither). */
    public record Changes(int created, int updated) {}

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
            ), ended as (
                update person_membership m set valid_to = now()
                  from changed c
                 where m.user_id = c.user_id and m.valid_to is null and not c.created
                   and (m.business_unit, m.job_role, m.active) is distinct from (c.business_unit, c.job_role, c.active)
                returning m.user_id
            ), started as (
                insert into person_membership (user_id, business_unit, job_role, active, valid_from)
                select c.user_id, c.business_unit, c.job_role, c.active, case when c.created then '-infinity'::timestamptz else now() end
                  from changed c
                 where c.created or c.user_id in (select user_id from ended)
            ), published as (
                %s
                select 'people', user_id, json_build_object(
                        'userId', user_id, 'displayName', display_name, 'email', email, 'businessUnit', business_unit,
                        'jobRole', job_role, 'managerId', manager_id, 'executive', executive, 'active', active,
                        'updatedAt', updated_at)::text, $9::varchar
                from changed
            )
            select count(*) filter (where created) as created, count(*) filter (where not created) as updated from changed
            """.formatted(Outbox.INSERT);

    private static final String MEMBERSHIPS =
            "select user_id, business_unit, job_role, active, valid_from, valid_to from person_membership";

    private final Pool pool;

    public RosterStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * {@code traceparent}: the trace of the request that made the change (read where the request began: a context
     * read after a hop through the pool may have lost it), which the outbox rows keep for their publication.
     */
    public Uni<Changes> upsert(List<PersonEntry> people, String traceparent) {
        return pool.preparedQuery(UPSERT)
                .execute(arguments(people, traceparent))
                .map(RosterStore::changes);
    }

    /**
     * What {@link #upsert} would change, found by running it in a transaction that is rolled back: the same
     * statement decides, and nothing is written (neither the roster, its history, nor the outbox).
     */
    public Uni<Changes> upsertRolledBack(List<PersonEntry> people, String traceparent) {
        return pool.withConnection(connection -> connection
                .begin()
                .flatMap(transaction -> connection
                        .preparedQuery(UPSERT)
                        .execute(arguments(people, traceparent))
                        .map(RosterStore::changes)
                        .onTermination()
                        .call(transaction::rollback)));
    }

    private static Tuple arguments(List<PersonEntry> people, String traceparent) {
        return Tuple.tuple(Arrays.asList(
                people.stream().map(PersonEntry::userId).toArray(String[]::new),
                people.stream().map(PersonEntry::displayName).toArray(String[]::new),
                people.stream().map(PersonEntry::email).toArray(String[]::new),
                people.stream().map(PersonEntry::businessUnit).toArray(String[]::new),
                people.stream().map(PersonEntry::jobRole).toArray(String[]::new),
                people.stream().map(PersonEntry::managerId).toArray(String[]::new),
                people.stream().map(PersonEntry::executive).toArray(Boolean[]::new),
                people.stream().map(PersonEntry::active).toArray(Boolean[]::new),
                traceparent));
    }

    private static Changes changes(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        Row row = rows.iterator().next();
        return new Changes(
                row.getLong("created").intValue(), row.getLong("updated").intValue());
    }

    /** Every business unit anyone has belonged to (the roster history included). */
    public Uni<List<String>> businessUnits() {
        return pool.preparedQuery("select distinct business_unit from person_membership order by business_unit")
                .execute()
                .map(rows -> {
                    List<String> units = new java.util.ArrayList<>(rows.size());
                    rows.forEach(row -> units.add(row.getString("business_unit")));
                    return units;
                });
    }

    /** Everyone another active person reports to. */
    public Uni<Set<String>> managers() {
        return pool.preparedQuery("select distinct manager_id from person where active and manager_id is not null")
                .execute()
                .map(rows -> {
                    Set<String> managers = new HashSet<>();
                    rows.forEach(row -> managers.add(row.getString("manager_id")));
                    return managers;
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

    /**
     * The unit, role and roster state of everyone in {@code businessUnit} (or everyone) at some instant of
     * {@code from}..{@code to}, as entries with their time in force; {@link Memberships} picks an instant.
     */
    public Uni<Memberships> membershipsDuring(OffsetDateTime from, OffsetDateTime to, String businessUnit) {
        return pool.preparedQuery(
                        MEMBERSHIPS
                                + " where valid_from <= $2 and (valid_to is null or valid_to > $1) and ($3::varchar is null or business_unit = $3)")
                .execute(Tuple.of(from, to, businessUnit))
                .map(rows -> {
                    List<Memberships.Entry> entries = new java.util.ArrayList<>(rows.size());
                    rows.forEach(row -> entries.add(membership(row)));
                    return new Memberships(entries);
                });
    }

    /**
     * The same as {@link #membershipsDuring} for these people only (a roster change names them): each a key lookup.
     */
    public Uni<Memberships> membershipsDuring(
            Collection<String> userIds, OffsetDateTime from, OffsetDateTime to, String businessUnit) {
        return pool.preparedQuery(MEMBERSHIPS
                        + " where user_id = any($4) and valid_from <= $2 and (valid_to is null or valid_to > $1)"
                        + " and ($3::varchar is null or business_unit = $3)")
                .execute(Tuple.of(from, to, businessUnit, userIds.toArray(String[]::new)))
                .map(rows -> {
                    List<Memberships.Entry> entries = new java.util.ArrayList<>(rows.size());
                    rows.forEach(row -> entries.add(membership(row)));
                    return new Memberships(entries);
                });
    }

    /** One person's unit, role and roster state at an instant, or null when they were not on the roster then. */
    public Uni<Memberships.Entry> membershipAt(String userId, OffsetDateTime at) {
        return pool.preparedQuery(MEMBERSHIPS
                        + " where user_id = $1 and valid_from <= $2 and (valid_to is null or valid_to > $2)")
                .execute(Tuple.of(userId, at))
                .map(rows ->
                        rows.size() == 0 ? null : membership(rows.iterator().next()));
    }

    /**
     * The unit, role and roster state of each of these people at an instant: their entry in force then, or their
     * roster entry now when they were not on the roster then. People not on the roster are left out. Driven from
     * the people given, so that each is a key lookup.
     */
    public Uni<List<Memberships.Entry>> membershipsAt(Collection<String> userIds, OffsetDateTime at) {
        return pool.preparedQuery("""
                        select p.user_id, coalesce(m.business_unit, p.business_unit) as business_unit,
                               coalesce(m.job_role, p.job_role) as job_role, coalesce(m.active, p.active) as active,
                               m.valid_from, m.valid_to
                          from unnest($1::varchar[]) as given(user_id)
                          join person p on p.user_id = given.user_id
                          left join person_membership m
                            on m.user_id = p.user_id and m.valid_from <= $2 and (m.valid_to is null or m.valid_to > $2)""")
                .execute(Tuple.of(userIds.toArray(String[]::new), at))
                .map(rows -> {
                    List<Memberships.Entry> entries = new java.util.ArrayList<>(rows.size());
                    rows.forEach(row -> entries.add(membership(row)));
                    return entries;
                });
    }

    private static Memberships.Entry membership(Row row) {
        return new Memberships.Entry(
                row.getString("user_id"),
                row.getString("business_unit"),
                row.getString("job_role"),
                row.getBoolean("active"),
                row.getOffsetDateTime("valid_from"),
                row.getOffsetDateTime("valid_to"));
    }

    public Uni<PersonView> find(String userId) {
        return pool.preparedQuery("select * from person where user_id = $1")
                .execute(Tuple.of(userId))
                .map(rows ->
                        rows.size() == 0 ? null : PersonView.of(rows.iterator().next()));
    }

    /** The roster entries of these people, by user id; people not on the roster are absent. */
    public Uni<Map<String, PersonView>> findAll(Collection<String> userIds) {
        return pool.preparedQuery("select * from person where user_id = any($1)")
                .execute(Tuple.of((Object) userIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, PersonView> found = new HashMap<>();
                    rows.forEach(row -> found.put(row.getString("user_id"), PersonView.of(row)));
                    return found;
                });
    }

    /** Every Salesforce user id on the roster (15-character form) and whose it is. */
    public Uni<Map<String, String>> salesforceIds() {
        return pool.query("select external_id, user_id from person_external_id where system = 'salesforce'")
                .execute()
                .map(rows -> {
                    Map<String, String> ids = new HashMap<>();
                    rows.forEach(row -> ids.put(row.getString("external_id"), row.getString("user_id")));
                    return ids;
                });
    }

    /** A person's ids in other systems, by system. */
    public Uni<Map<String, String>> externalIds(String userId) {
        return pool.preparedQuery("select system, external_id from person_external_id where user_id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    Map<String, String> ids = new TreeMap<>();
                    rows.forEach(row -> ids.put(row.getString("system"), row.getString("external_id")));
                    return ids;
                });
    }

    /** Who else has this id in that system, or null. */
    public Uni<String> ownerOf(String system, String externalId, String except) {
        return pool.preparedQuery(
                        "select user_id from person_external_id where system = $1 and external_id = $2 and user_id <> $3")
                .execute(Tuple.of(system, externalId, except))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("user_id"));
    }

    /** Sets (or with null, clears) a person's id in a system. */
    public Uni<Void> setExternalId(String userId, String system, String externalId) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("delete from person_external_id where user_id = $1 and system = $2")
                .execute(Tuple.of(userId, system))
                .flatMap(deleted -> externalId == null
                        ? Uni.createFrom().voidItem()
                        : connection
                                .preparedQuery("insert into person_external_id (system, external_id, user_id)"
                                        + " values ($1, $2, $3)")
                                .execute(Tuple.of(system, externalId, userId))
                                .replaceWithVoid()));
    }

    /** Sets many people's Salesforce user ids at once (a null id clears that person's). */
    public Uni<Void> setSalesforceIds(Map<String, String> idByUser) {
        if (idByUser.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] users = idByUser.keySet().toArray(String[]::new);
        String[] ids = idByUser.values().toArray(String[]::new);
        return pool.withTransaction(connection -> connection
                .preparedQuery("delete from person_external_id where system = 'salesforce' and user_id = any($1)")
                .execute(Tuple.of((Object) users))
                .flatMap(deleted -> connection.preparedQuery("""
                                insert into person_external_id (system, external_id, user_id)
                                select 'salesforce', id, user_id from unnest($1::varchar[], $2::varchar[]) as t(user_id, id)
                                 where id is not null""").execute(Tuple.of(users, ids)))
                .replaceWithVoid());
    }
}
