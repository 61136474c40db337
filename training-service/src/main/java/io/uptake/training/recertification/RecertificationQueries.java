package io.uptake.training.recertification;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.Pages;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * HR's list of passes due for recertification, by the rule of {@link RecertificationStore#due} (the pass's UTC
 * date plus the unit's {@code valid_months}, else the default; people off the roster left out), each with the
 * re-test assigned for it.
 */
@ApplicationScoped
public class RecertificationQueries {

    private static final String PAGE = """
            with due as (
                select s.user_id, s.business_unit, s.skill, s.score, s.scored_at, (s.scored_at at time zone 'UTC')::date as passed_on,
                       c.expires_on, case when c.expires_on <= (now() at time zone 'UTC')::date then 'EXPIRED' else 'EXPIRING' end as status
                from skill_score s left join training_policy tp on tp.business_unit = s.business_unit
                cross join lateral (
                    select ((s.scored_at at time zone 'UTC') + make_interval(months => coalesce(tp.valid_months, $1)))::date as expires_on) c
                where s.passed and ($2::varchar is null or s.business_unit = $2)
                  and c.expires_on <= (now() at time zone 'UTC')::date + $3::int
                  and not exists (select 1 from person r where r.user_id = s.user_id and not r.active)
            ), page as (
                select *, count(*) over () as total from due where $4::varchar is null or status = $4
                order by expires_on, user_id, skill limit $5 offset $6
            )
            select pg.*, p.display_name, sk.name as skill_name, a.id as assignment_id, a.status as assignment_status,
                   a.due_on as assignment_due_on, a.test_id as assignment_test_id
            from page pg left join person p on p.user_id = pg.user_id left join skill sk on sk.code = pg.skill
            left join lateral (
                select x.id, x.due_on, x.test_id,
                       case when x.status in ('ASSIGNED', 'IN_PROGRESS') and x.due_on < current_date then 'OVERDUE' else x.status end as status
                from assignment x
                where x.user_id = pg.user_id and x.kind = 'TEST' and x.skill = pg.skill and x.reason ->> 'kind' = 'RECERTIFY'
                  and x.created_at >= pg.scored_at
                order by x.created_at desc limit 1) a on true
            order by pg.expires_on, pg.user_id, pg.skill""";

    private static final String PASSES_OF = """
            select s.skill, sk.name as skill_name, s.score, s.scored_at, coalesce(tp.valid_months, $2) as valid_months
            from skill_score s left join skill sk on sk.code = s.skill
            left join training_policy tp on tp.business_unit = s.business_unit
            where s.user_id = $1 and s.passed
            order by s.skill""";

    private final Pool pool;

    public RecertificationQueries(Pool pool) {
        this.pool = pool;
    }

    /**
     * A page of the passes expiring within {@code withinDays} from today (UTC) or expired, of a business unit
     * (null: all), {@code status} EXPIRING or EXPIRED (null: both), the soonest expiry first.
     */
    public Uni<PageView<RecertificationRow>> page(
            int defaultValidMonths,
            String businessUnit,
            int withinDays,
            Certification.Status status,
            int page,
            int size) {
        return pool.preparedQuery(PAGE)
                .execute(Tuple.tuple(Arrays.asList(
                        defaultValidMonths,
                        businessUnit,
                        withinDays,
                        status == null ? null : status.name(),
                        size,
                        io.uptake.platform.api.PagingLimit.offset(page, size))))
                .map(rows -> Pages.of(rows, RecertificationQueries::row, page, size));
    }

    /** One person's passed skills, each with its score, when it was scored and how many months it stays valid. */
    public Uni<List<Pass>> passesOf(String userId, int defaultValidMonths) {
        return pool.preparedQuery(PASSES_OF)
                .execute(Tuple.of(userId, defaultValidMonths))
                .map(rows -> {
                    List<Pass> passes = new ArrayList<>();
                    rows.forEach(row -> passes.add(new Pass(
                            row.getString("skill"),
                            row.getString("skill_name"),
                            row.getInteger("score"),
                            row.getOffsetDateTime("scored_at"),
                            row.getInteger("valid_months"))));
                    return passes;
                });
    }

    /** A passed skill as stored: the rule of {@link Certification} says until when it counts. */
    public record Pass(String skill, String skillName, int score, OffsetDateTime scoredAt, int validMonths) {}

    private static RecertificationRow row(Row row) {
        return new RecertificationRow(
                row.getString("user_id"),
                row.getString("display_name"),
                row.getString("business_unit"),
                row.getString("skill"),
                row.getString("skill_name"),
                row.getInteger("score"),
                row.getLocalDate("passed_on"),
                row.getLocalDate("expires_on"),
                Certification.Status.valueOf(row.getString("status")),
                row.getUUID("assignment_id") == null
                        ? null
                        : new RecertificationRow.Retest(
                                row.getUUID("assignment_id"),
                                row.getString("assignment_status"),
                                row.getLocalDate("assignment_due_on"),
                                row.getUUID("assignment_test_id")));
    }
}
