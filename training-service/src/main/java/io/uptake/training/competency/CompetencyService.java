package io.uptake.training.competency;

import io.smallrye.mutiny.Uni;
import io.uptake.training.access.Caller;
import io.uptake.training.policy.PolicyDefaults;
import io.uptake.training.policy.PolicyService;
import io.uptake.training.recertification.Certification;
import io.uptake.training.recertification.RecertificationConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ForbiddenException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The competency matrix: HR and admins for any business unit, managers for their own. */
@ApplicationScoped
public class CompetencyService {

    private final Pool pool;
    private final PolicyService policies;
    private final PolicyDefaults defaults;
    private final RecertificationConfig recertification;

    public CompetencyService(
            Pool pool, PolicyService policies, PolicyDefaults defaults, RecertificationConfig recertification) {
        this.pool = pool;
        this.policies = policies;
        this.defaults = defaults;
        this.recertification = recertification;
    }

    public Uni<CompetencyMatrix> matrix(Caller caller, String businessUnit, String skill, int page, int size) {
        String unit = businessUnit;
        if (!caller.readsAll()) {
            if (!caller.manager()) {
                throw new ForbiddenException("The competency matrix is for managers and HR");
            }
            if (unit == null) {
                unit = caller.businessUnit();
            }
            if (!caller.managesUnit(unit)) {
                throw new ForbiddenException("Managers read the competency of their own business unit only");
            }
        }
        String u = unit;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return policies.find(u)
                .flatMap(policy -> pool.preparedQuery("""
                        with people as (
                            select user_id from skill_score where ($1::varchar is null or business_unit = $1) and ($4::varchar is null or skill = $4)
                            union
                            select user_id from person where active and ($1::varchar is null or business_unit = $1) and $4::varchar is null
                        ), page as (
                            select user_id, count(*) over () as total from people order by user_id limit $2 offset $3
                        )
                        select pg.user_id, pg.total, p.display_name, coalesce(p.business_unit, s.business_unit) as business_unit,
                               coalesce(p.job_role, s.job_role) as job_role, s.skill, s.score, s.passed, s.scored_at,
                               coalesce(tp.valid_months, $5) as valid_months
                        from page pg left join person p on p.user_id = pg.user_id left join skill_score s on s.user_id = pg.user_id and ($4::varchar is null or s.skill = $4)
                        left join training_policy tp on tp.business_unit = s.business_unit
                        order by pg.user_id, s.skill""")
                        .execute(Tuple.tuple(java.util.Arrays.asList(
                                u,
                                size,
                                io.uptake.platform.api.PagingLimit.offset(page, size),
                                skill,
                                defaults.validMonths())))
                        .map(rows -> {
                            Map<String, CompetencyMatrix.Row> people = new LinkedHashMap<>();
                            TreeSet<String> skills = new TreeSet<>();
                            long total = 0;
                            for (Row row : rows) {
                                total = row.getLong("total");
                                String userId = row.getString("user_id");
                                CompetencyMatrix.Row person = people.computeIfAbsent(
                                        userId,
                                        id -> new CompetencyMatrix.Row(
                                                id,
                                                row.getString("display_name"),
                                                row.getString("business_unit"),
                                                row.getString("job_role"),
                                                new TreeMap<>(),
                                                new ArrayList<>(),
                                                new TreeMap<>()));
                                String scored = row.getString("skill");
                                if (scored != null) {
                                    int score = row.getInteger("score");
                                    skills.add(scored);
                                    person.scores().put(scored, score);
                                    boolean weak = policy.threshold() != null
                                            ? score < policy.threshold()
                                            : !row.getBoolean("passed");
                                    if (weak) {
                                        person.needsTraining().add(scored);
                                    }
                                    if (row.getBoolean("passed")) {
                                        LocalDate expiresOn = Certification.expiresOn(
                                                row.getOffsetDateTime("scored_at"), row.getInteger("valid_months"));
                                        person.certifications()
                                                .put(
                                                        scored,
                                                        new CompetencyMatrix.CertificationView(
                                                                Certification.status(
                                                                        expiresOn, today, recertification.windowDays()),
                                                                expiresOn));
                                    }
                                }
                            }
                            return new CompetencyMatrix(
                                    u,
                                    policy.threshold(),
                                    List.copyOf(skills),
                                    List.copyOf(people.values()),
                                    page,
                                    size,
                                    total);
                        }));
    }
}
