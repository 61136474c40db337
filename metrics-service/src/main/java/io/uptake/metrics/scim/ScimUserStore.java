package io.uptake.metrics.scim;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * SCIM's view of the roster: each person (the roster's own table, read only here; it changes through the roster's
 * service) with what provisioning keeps of them in {@code scim_user}.
 */
@ApplicationScoped
public class ScimUserStore {

    /** One page of users and how many match in all. */
    record Page(List<ScimUser> users, long total) {}

    private static final String SELECT = """
            select p.user_id, p.display_name, p.email, p.business_unit, p.job_role, p.manager_id, p.active,
                   p.updated_at, s.external_id, s.given_name, s.family_name, coalesce(s.created_at, p.updated_at) as created,
                   (select x.external_id from person_external_id x
                     where x.user_id = p.user_id and x.system = 'salesforce') as salesforce_id,
                   count(*) over () as total
              from person p left join scim_user s on s.user_id = p.user_id""";

    /** A person a directory deleted, and who is still off the roster, is no SCIM user (RFC 7644 §3.6). */
    private static final String VISIBLE = "(s.deleted_at is null or p.active)";

    private final Pool pool;

    public ScimUserStore(Pool pool) {
        this.pool = pool;
    }

    Uni<ScimUser> find(String userId) {
        return pool.preparedQuery(SELECT + " where p.user_id = $1 and " + VISIBLE)
                .execute(Tuple.of(userId))
                .map(rows -> rows.size() == 0 ? null : user(rows.iterator().next()));
    }

    /** {@code offset} from 0; user names compare without case, as RFC 7643 defines userName. */
    Uni<Page> list(ScimFilter filter, int offset, int limit) {
        List<String> where = new ArrayList<>(List.of(VISIBLE));
        List<Object> arguments = new ArrayList<>();
        for (ScimFilter.Condition condition : filter.conditions()) {
            arguments.add(condition.value());
            String parameter = "$" + arguments.size();
            where.add(
                    switch (condition.attribute()) {
                        case "userName" -> "lower(p.user_id) = lower(" + parameter + ")";
                        case "externalId" -> "s.external_id = " + parameter;
                        default -> "p.user_id = " + parameter;
                    });
        }
        String condition = " where " + String.join(" and ", where);
        List<Object> filtered = List.copyOf(arguments);
        arguments.add(limit);
        arguments.add(offset);
        String sql = SELECT + condition + " order by p.user_id limit $" + (arguments.size() - 1) + " offset $"
                + arguments.size();
        return pool.preparedQuery(sql)
                .execute(Tuple.from(arguments))
                .map(ScimUserStore::page)
                .flatMap(page -> {
                    if (!page.users().isEmpty() || offset == 0) {
                        return Uni.createFrom().item(page);
                    }
                    // a page past the last has no row to carry the total
                    return pool.preparedQuery("select count(*) as total from person p left join scim_user s"
                                    + " on s.user_id = p.user_id" + condition)
                            .execute(Tuple.from(filtered))
                            .map(rows ->
                                    new Page(List.of(), rows.iterator().next().getLong("total")));
                });
    }

    /** Keeps what provisioning knows of the person beyond the roster. */
    Uni<Void> link(ScimUser user) {
        return pool.preparedQuery("""
                        insert into scim_user (user_id, external_id, given_name, family_name) values ($1, $2, $3, $4)
                        on conflict (user_id) do update set external_id = excluded.external_id,
                            given_name = excluded.given_name, family_name = excluded.family_name, deleted_at = null""")
                .execute(Tuple.of(user.userName, user.externalId, user.givenName, user.familyName))
                .replaceWithVoid();
    }

    /** The directory deleted the user: from now on it answers 404, while the person stays off the roster. */
    Uni<Void> markDeleted(String userId) {
        return pool.preparedQuery("""
                        insert into scim_user (user_id, deleted_at) values ($1, now())
                        on conflict (user_id) do update set deleted_at = now()""").execute(Tuple.of(userId)).replaceWithVoid();
    }

    private static Page page(RowSet<Row> rows) {
        List<ScimUser> users = new ArrayList<>();
        long total = 0;
        for (Row row : rows) {
            users.add(user(row));
            total = row.getLong("total");
        }
        return new Page(users, total);
    }

    private static ScimUser user(Row row) {
        ScimUser user = new ScimUser();
        user.userName = row.getString("user_id");
        user.externalId = row.getString("external_id");
        user.displayName = row.getString("display_name");
        user.formattedName = row.getString("display_name");
        user.givenName = row.getString("given_name");
        user.familyName = row.getString("family_name");
        user.email = row.getString("email");
        user.title = row.getString("job_role");
        user.department = row.getString("business_unit");
        user.managerId = row.getString("manager_id");
        user.active = row.getBoolean("active");
        user.salesforceId = row.getString("salesforce_id");
        user.created = row.getOffsetDateTime("created");
        user.lastModified = row.getOffsetDateTime("updated_at");
        return user;
    }
}
