package io.uptake.feedback.area;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AreaRepository implements PanacheRepositoryBase<Area, String> {

    /** A page in code order: the active areas, or every area when {@code withInactive}. */
    public Uni<List<Area>> listed(boolean withInactive, int page, int size) {
        return (withInactive ? findAll(Sort.by("code")) : find("active = true", Sort.by("code")))
                .page(Page.of(page, size))
                .list();
    }

    /** How many areas {@link #listed} pages through. */
    public Uni<Long> countListed(boolean withInactive) {
        return withInactive ? count() : count("active = true");
    }

    /**
     * Whether the area is in use, read through the caller's client (an item's submission checks it in its
     * own transaction); null when there is no area with this code.
     */
    public Uni<Boolean> active(SqlClient client, String code) {
        return client.preparedQuery("select active from area where code = $1")
                .execute(Tuple.of(code))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getBoolean("active"));
    }
}
