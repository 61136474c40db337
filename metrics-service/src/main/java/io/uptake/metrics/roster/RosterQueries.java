package io.uptake.metrics.roster;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.Pages;
import io.uptake.platform.api.PagingLimit;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads of the roster for lists: a filtered, searched page of people, the units and roles, names by user id. */
@ApplicationScoped
public class RosterQueries {

    private static final String WHERE = """
             where ($1::varchar is null or business_unit = $1)
               and ($2::varchar is null or job_role = $2)
               and ($3::boolean is null or active = $3)
               and ($4::varchar is null or display_name ilike $4 escape '\\' or user_id ilike $4 escape '\\')""";

    private static final String PAGE = "select *, " + Pages.TOTAL + " from person " + WHERE
            + " order by lower(display_name), display_name, user_id limit $5 offset $6";

    private static final String COUNT = "select count(*) as total from person " + WHERE;

    private static final String GROUPS = """
            select 'businessUnit' as kind, business_unit as name from person group by business_unit
            union all
            select 'jobRole', job_role from person group by job_role
            order by 1, 2""";

    private static final String NAMES = """
            select p.user_id, p.display_name from unnest($1::varchar[]) as given(user_id)
              join person p on p.user_id = given.user_id""";

    /** What a roster list is filtered by; each null is no filter. {@code q} is a substring of the name or user id. */
    public record Filter(String businessUnit, String jobRole, Boolean active, String q) {}

    private final Pool pool;

    public RosterQueries(Pool pool) {
        this.pool = pool;
    }

    /** One page, by display name (case-insensitive) then user id; {@code total} counts every match, also past the last page. */
    public Uni<PageView<PersonView>> page(Filter filter, int page, int size) {
        Tuple arguments = Tuple.tuple(Arrays.asList(
                filter.businessUnit(),
                filter.jobRole(),
                filter.active(),
                filter.q() == null ? null : "%" + escapeLike(filter.q()) + "%",
                size,
                PagingLimit.offset(page, size)));
        return pool.preparedQuery(PAGE).execute(arguments).flatMap(rows -> {
            PageView<PersonView> found = Pages.of(rows, PersonView::of, page, size);
            if (!found.items().isEmpty() || page == 0) {
                return Uni.createFrom().item(found);
            }
            Tuple where = Tuple.tuple(Arrays.asList(
                    arguments.getValue(0), arguments.getValue(1), arguments.getValue(2), arguments.getValue(3)));
            return pool.preparedQuery(COUNT)
                    .execute(where)
                    .map(counted -> new PageView<>(
                            found.items(), page, size, counted.iterator().next().getLong("total")));
        });
    }

    /** The business units and the job roles of the roster (leavers included), each distinct and sorted. */
    public Uni<Groups> groups() {
        return pool.preparedQuery(GROUPS).execute().map(rows -> {
            List<String> units = new ArrayList<>();
            List<String> roles = new ArrayList<>();
            rows.forEach(
                    row -> ("businessUnit".equals(row.getString("kind")) ? units : roles).add(row.getString("name")));
            return new Groups(units, roles);
        });
    }

    /** The display names of these people, by user id (people not on the roster are absent). */
    public Uni<Map<String, String>> displayNames(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery(NAMES)
                .execute(Tuple.of(userIds.stream().distinct().toArray(String[]::new)))
                .map(rows -> {
                    Map<String, String> names = new HashMap<>();
                    rows.forEach(row -> names.put(row.getString("user_id"), row.getString("display_name")));
                    return names;
                });
    }

    /** {@code text} matched literally by LIKE: its wildcards and the escape character escaped. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
