package io.uptake.training.competency;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The competency matrix's reads: a page of people of the roster or the scores, each with their latest scores. */
@ApplicationScoped
public class CompetencyQueries {

    /** One person's latest score on one skill ({@code skill} null: a person without scores); {@code total}: people in all pages. */
    public record ScoreRow(
            String userId,
            long total,
            String displayName,
            String businessUnit,
            String jobRole,
            String skill,
            Integer score,
            Boolean passed,
            OffsetDateTime scoredAt,
            Integer validMonths) {}

    private final Pool pool;

    public CompetencyQueries(Pool pool) {
        this.pool = pool;
    }

    /** How the people may be ordered ({@code sort}): each key's order, ties broken by user id. */
    public static final Map<String, String> ORDERS = Map.of(
            "userId", "user_id",
            "name", "display_name nulls last, user_id",
            "weakest", "weakest nulls last, user_id");

    /**
     * The page of people (with their latest scores, one row per skill), in the order asked for
     * ({@link #ORDERS}; {@code weakest}: the lowest latest score on {@code skill}, or on any skill without
     * one, people with no score last); {@code q} (a LIKE pattern) matches the name or user id;
     * {@code defaultValidMonths} where the unit has no policy. The database filters, sorts and pages.
     */
    public Uni<List<ScoreRow>> page(
            String businessUnit, String skill, String q, String sort, int page, int size, int defaultValidMonths) {
        String order = ORDERS.getOrDefault(sort == null ? "userId" : sort, ORDERS.get("userId"));
        return pool.preparedQuery("""
                        with people as (
                            select user_id, min(score) as weakest from (
                                select user_id, score from skill_score
                                where ($1::varchar is null or business_unit = $1) and ($4::varchar is null or skill = $4)
                                union all
                                select user_id, null from person where active and ($1::varchar is null or business_unit = $1) and $4::varchar is null
                            ) scored group by user_id
                        ), named as (
                            select pe.user_id, pe.weakest, r.display_name from people pe left join person r on r.user_id = pe.user_id
                            where $6::varchar is null or pe.user_id ilike $6 or r.display_name ilike $6
                        ), page as (
                            select user_id, count(*) over () as total, row_number() over (order by %1$s) as ordinal
                            from named order by %1$s limit $2 offset $3
                        )
                        select pg.user_id, pg.total, p.display_name, coalesce(p.business_unit, s.business_unit) as business_unit,
                               coalesce(p.job_role, s.job_role) as job_role, s.skill, s.score, s.passed, s.scored_at,
                               coalesce(tp.valid_months, $5) as valid_months
                        from page pg left join person p on p.user_id = pg.user_id left join skill_score s on s.user_id = pg.user_id and ($4::varchar is null or s.skill = $4)
                        left join training_policy tp on tp.business_unit = s.business_unit
                        order by pg.ordinal, s.skill""".formatted(order))
                .execute(Tuple.tuple(Arrays.asList(
                        businessUnit,
                        size,
                        io.uptake.platform.api.PagingLimit.offset(page, size),
                        skill,
                        defaultValidMonths,
                        q)))
                .map(rows -> {
                    List<ScoreRow> found = new ArrayList<>();
                    for (Row row : rows) {
                        found.add(new ScoreRow(
                                row.getString("user_id"),
                                row.getLong("total"),
                                row.getString("display_name"),
                                row.getString("business_unit"),
                                row.getString("job_role"),
                                row.getString("skill"),
                                row.getInteger("score"),
                                row.getBoolean("passed"),
                                row.getOffsetDateTime("scored_at"),
                                row.getInteger("valid_months")));
                    }
                    return found;
                });
    }
}
