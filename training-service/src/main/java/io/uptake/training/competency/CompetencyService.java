package io.uptake.training.competency;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.access.Caller;
import io.uptake.training.access.TrainingAccess;
import io.uptake.training.policy.PolicyDefaults;
import io.uptake.training.policy.PolicyService;
import io.uptake.training.recertification.Certification;
import io.uptake.training.recertification.RecertificationConfig;
import io.uptake.training.roster.NameSearch;
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

    private final CompetencyQueries queries;
    private final PolicyService policies;
    private final PolicyDefaults defaults;
    private final RecertificationConfig recertification;

    public CompetencyService(
            CompetencyQueries queries,
            PolicyService policies,
            PolicyDefaults defaults,
            RecertificationConfig recertification) {
        this.queries = queries;
        this.policies = policies;
        this.defaults = defaults;
        this.recertification = recertification;
    }

    /** {@code q}: a part of the name or user id, or null; {@code sort}: a key of {@link CompetencyQueries#ORDERS}, or null. */
    public Uni<CompetencyMatrix> matrix(
            Caller caller, String businessUnit, String skill, String q, String sort, int page, int size) {
        String unit = businessUnit;
        if (!TrainingAccess.readsAll(caller)) {
            if (!caller.manager()) {
                throw new ForbiddenException("The competency matrix is for managers and HR");
            }
            unit = caller.ownUnit(unit);
        }
        String u = unit;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return policies.find(u)
                .flatMap(policy -> queries.page(
                                u, skill, NameSearch.pattern(q), sort, page, size, defaults.validMonths())
                        .map(rows -> {
                            Map<String, CompetencyMatrix.Row> people = new LinkedHashMap<>();
                            TreeSet<String> skills = new TreeSet<>();
                            long total = 0;
                            for (CompetencyQueries.ScoreRow row : rows) {
                                total = row.total();
                                String userId = row.userId();
                                CompetencyMatrix.Row person = people.computeIfAbsent(
                                        userId,
                                        id -> new CompetencyMatrix.Row(
                                                id,
                                                row.displayName(),
                                                row.businessUnit(),
                                                row.jobRole(),
                                                new TreeMap<>(),
                                                new ArrayList<>(),
                                                new TreeMap<>()));
                                String scored = row.skill();
                                if (scored != null) {
                                    int score = row.score();
                                    skills.add(scored);
                                    person.scores().put(scored, score);
                                    boolean weak =
                                            policy.threshold() != null ? score < policy.threshold() : !row.passed();
                                    if (weak) {
                                        person.needsTraining().add(scored);
                                    }
                                    if (row.passed()) {
                                        LocalDate expiresOn =
                                                Certification.expiresOn(row.scoredAt(), row.validMonths());
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
