package io.uptake.metrics.objective;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.Conflict;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Objective versions in PostgreSQL. */
@ApplicationScoped
public class ObjectiveStore {

    private static final TypeReference<List<Expectation>> EXPECTATIONS = new TypeReference<>() {};
    private static final String COLUMNS =
            "id, business_unit, job_role, expectations::text as expectations, valid_from, valid_to, set_by";

    private final Pool pool;
    private final ObjectMapper json;

    public ObjectiveStore(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /**
     * Opens a new version from {@code effectiveFrom} (now when null) and, in the same transaction, ends every
     * version of the unit and role still in force then at that instant: a backdated version ends the one it
     * replaces where it begins, and a version that began after it is superseded (it keeps its place in the
     * history with no time in force). So at any instant at most one version is in force.
     */
    public Uni<ObjectivesView> replace(
            String businessUnit,
            String jobRole,
            List<Expectation> expectations,
            OffsetDateTime effectiveFrom,
            String setBy) {
        String document = write(expectations);
        // now() is the transaction's start, the same instant in both statements
        return pool.withTransaction(connection -> connection
                        .preparedQuery("""
                                update objective_version set valid_to = greatest(valid_from, coalesce($3::timestamptz, now()))
                                 where business_unit = $1 and job_role = $2 and (valid_to is null or valid_to > coalesce($3::timestamptz, now()))""")
                        .execute(Tuple.of(businessUnit, jobRole, effectiveFrom))
                        .flatMap(closed -> connection
                                .preparedQuery("""
                                        insert into objective_version (business_unit, job_role, expectations, valid_from, set_by)
                                        values ($1, $2, $3::text::jsonb, coalesce($4::timestamptz, now()), $5)""" + " returning " + COLUMNS)
                                .execute(Tuple.of(businessUnit, jobRole, document, effectiveFrom, setBy)))
                        .map(rows -> view(rows.iterator().next())))
                // two admins changing the same objectives at once: the second insert meets the first's version
                .onFailure(failure -> failure instanceof PgException pg && "23505".equals(pg.getSqlState()))
                .transform(failure -> new Conflict(
                        "These objectives were changed at the same moment by someone else; send yours again"));
    }

    public Uni<List<ObjectivesView>> current(String businessUnit, String jobRole, int page, int size) {
        return pool.preparedQuery("select " + COLUMNS + """
                         from objective_version
                        where valid_to is null and ($1::varchar is null or business_unit = $1) and ($2::varchar is null or job_role = $2)
                        order by business_unit, job_role limit $3 offset $4""")
                .execute(Tuple.of(businessUnit, jobRole, size, io.uptake.platform.api.PagingLimit.offset(page, size)))
                .map(this::views);
    }

    public Uni<Long> countCurrent(String businessUnit, String jobRole) {
        return pool.preparedQuery("""
                        select count(*) from objective_version
                        where valid_to is null and ($1::varchar is null or business_unit = $1) and ($2::varchar is null or job_role = $2)""")
                .execute(Tuple.of(businessUnit, jobRole))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<List<ObjectivesView>> history(String businessUnit, String jobRole) {
        return pool.preparedQuery(
                        "select " + COLUMNS
                                + " from objective_version where business_unit = $1 and job_role = $2 order by valid_from desc, id desc")
                .execute(Tuple.of(businessUnit, jobRole))
                .map(this::views);
    }

    /** The version in force at an instant, or null when the unit and role had no objectives then. */
    public Uni<ObjectivesView> inForceAt(String businessUnit, String jobRole, OffsetDateTime at) {
        return pool.preparedQuery("select " + COLUMNS + """
                         from objective_version
                        where business_unit = $1 and job_role = $2 and valid_from <= $3 and (valid_to is null or valid_to > $3)
                        order by valid_from desc limit 1""")
                .execute(Tuple.of(businessUnit, jobRole, at))
                .map(rows -> rows.size() == 0 ? null : view(rows.iterator().next()));
    }

    /** Every version in force at some instant of {@code from}..{@code to}. */
    public Uni<List<ObjectivesView>> allInForceBetween(OffsetDateTime from, OffsetDateTime to) {
        return pool.preparedQuery("select " + COLUMNS
                        + " from objective_version where valid_from <= $2 and (valid_to is null or valid_to > $1)")
                .execute(Tuple.of(from, to))
                .map(this::views);
    }

    private List<ObjectivesView> views(RowSet<Row> rows) {
        List<ObjectivesView> views = new ArrayList<>(rows.size());
        rows.forEach(row -> views.add(view(row)));
        return views;
    }

    private ObjectivesView view(Row row) {
        return new ObjectivesView(
                row.getString("business_unit"),
                row.getString("job_role"),
                row.getLong("id"),
                row.getOffsetDateTime("valid_from"),
                row.getOffsetDateTime("valid_to"),
                row.getString("set_by"),
                read(row.getString("expectations")));
    }

    private String write(List<Expectation> expectations) {
        try {
            return json.writeValueAsString(expectations);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Expectation> read(String document) {
        try {
            return json.readValue(document, EXPECTATIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored objectives are not readable: " + document, e);
        }
    }
}
