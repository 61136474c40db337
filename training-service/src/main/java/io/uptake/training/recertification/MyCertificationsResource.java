package io.uptake.training.recertification;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.access.CurrentCaller;
import io.uptake.training.policy.PolicyDefaults;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The caller's own certifications: each passed skill, until when the pass counts, and whether it is expiring. */
@Path("/api/training/me/certifications")
@RolesAllowed({"employee", "manager", "hr", "executive", "admin"})
public class MyCertificationsResource {

    /** One passed skill: {@code status} VALID, EXPIRING (within the recertification window) or EXPIRED. */
    public record CertificationView(
            String skill,
            String skillName,
            int score,
            LocalDate passedOn,
            LocalDate expiresOn,
            Certification.Status status) {}

    public record MyCertifications(List<CertificationView> items) {}

    private final RecertificationQueries queries;
    private final PolicyDefaults defaults;
    private final RecertificationConfig config;
    private final CurrentCaller currentCaller;

    public MyCertificationsResource(
            RecertificationQueries queries,
            PolicyDefaults defaults,
            RecertificationConfig config,
            CurrentCaller currentCaller) {
        this.queries = queries;
        this.defaults = defaults;
        this.config = config;
        this.currentCaller = currentCaller;
    }

    @GET
    public Uni<MyCertifications> mine() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return queries.passesOf(currentCaller.get().userId(), defaults.validMonths())
                .map(passes -> new MyCertifications(passes.stream()
                        .map(pass -> {
                            LocalDate expiresOn = Certification.expiresOn(pass.scoredAt(), pass.validMonths());
                            return new CertificationView(
                                    pass.skill(),
                                    pass.skillName(),
                                    pass.score(),
                                    pass.scoredAt()
                                            .atZoneSameInstant(ZoneOffset.UTC)
                                            .toLocalDate(),
                                    expiresOn,
                                    Certification.status(expiresOn, today, config.windowDays()));
                        })
                        .toList()));
    }
}
