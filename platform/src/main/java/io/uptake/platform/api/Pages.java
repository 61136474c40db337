package io.uptake.platform.api;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Builds a page from rows that carry the full count in a {@code total} column ({@code count(*) over ()}). */
public final class Pages {

    public static final String TOTAL = "count(*) over () as total";

    private Pages() {}

    public static <T> PageView<T> of(RowSet<Row> rows, Function<Row, T> mapper, int page, int size) {
        List<T> items = new ArrayList<>(rows.size());
        long total = 0;
        for (Row row : rows) {
            items.add(mapper.apply(row));
            total = row.getLong("total");
        }
        return new PageView<>(items, page, size, total);
    }
}
