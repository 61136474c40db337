package io.uptake.feedback.item;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.PageView;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Reads of items: one by id, and filtered, sorted, searched pages (PostgreSQL full-text search). */
@ApplicationScoped
public class ItemQueries {

    private static final String LIST_COLUMNS = "id, kind, title, left(description, " + ItemLimits.EXCERPT
            + ") as excerpt, area, status, votes, submitted_by, submitter_name, anonymous, created_at, version, duplicate_of, "
            + StatusLabelColumn.SQL;

    private final Pool pool;

    public ItemQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<ItemView> find(SqlClient client, long id) {
        return client.preparedQuery("select " + ItemView.COLUMNS + " from feedback_item where id = $1")
                .execute(Tuple.of(id))
                .map(rows ->
                        rows.size() == 0 ? null : ItemView.of(rows.iterator().next()));
    }

    public Uni<ItemView> find(long id) {
        return find(pool, id);
    }

    public Uni<PageView<ItemSummary>> list(ItemFilter filter, int page, int size) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        condition(
                where,
                parameters,
                "status = $%d",
                filter.status() == null ? null : filter.status().name());
        condition(
                where,
                parameters,
                "kind = $%d",
                filter.kind() == null ? null : filter.kind().name());
        condition(where, parameters, "area = $%d", filter.area());
        condition(where, parameters, "submitted_by = $%d", filter.submittedBy());
        condition(
                where,
                parameters,
                "(exists (select 1 from item_vote v where v.item_id = feedback_item.id and v.user_id = $%1$d)"
                        + " or exists (select 1 from item_follow f where f.item_id = feedback_item.id and f.user_id = $%1$d))",
                filter.involving());
        String from = " from feedback_item";
        if (filter.query() != null) {
            // The query is parsed once, not per row: a generic plan would otherwise re-parse it for every ranked match.
            parameters.add(filter.query());
            from += ", websearch_to_tsquery('english', $" + parameters.size() + ") as query";
            where.append(" and search @@ query");
        }
        Tuple countParameters = Tuple.from(parameters);
        String select = "select " + LIST_COLUMNS + from + where + " order by " + filter.effectiveSort().orderBy
                + " limit " + size + " offset " + (long) page * size;
        // item_count holds totals per status, kind and area only
        String count = filter.countedByCategory()
                ? "select coalesce(sum(items), 0)::bigint as total from item_count" + where
                : "select count(*) as total" + from + where;
        return pool.preparedQuery(count)
                .execute(countParameters)
                .map(rows -> rows.iterator().next().getLong("total"))
                .flatMap(total -> total == 0
                        ? Uni.createFrom().item(new PageView<ItemSummary>(List.of(), page, size, 0))
                        : pool.preparedQuery(select).execute(countParameters).map(rows -> {
                            List<ItemSummary> items = new ArrayList<>(rows.size());
                            rows.forEach(row -> items.add(ItemSummary.of(row)));
                            return new PageView<>(items, page, size, total);
                        }));
    }

    private static void condition(StringBuilder where, List<Object> parameters, String clause, String value) {
        if (value != null) {
            parameters.add(value);
            where.append(" and ").append(clause.formatted(parameters.size()));
        }
    }
}
