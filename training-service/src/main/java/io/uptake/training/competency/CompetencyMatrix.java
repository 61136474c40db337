package io.uptake.training.competency;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.uptake.training.recertification.Certification;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * People × skills, the latest score each: who needs training, on what. {@code needsTraining} lists the
 * skills under the business unit's policy threshold (without a policy: the skills whose pass mark was missed).
 * {@code certifications}: for each passed skill, when the pass expires and whether it is VALID, EXPIRING
 * (within the recertification window) or EXPIRED.
 */
public record CompetencyMatrix(
        String businessUnit, Integer threshold, List<String> skills, List<Row> people, int page, int size, long total) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(
            String userId,
            @JsonInclude(JsonInclude.Include.ALWAYS) String displayName,
            String businessUnit,
            String jobRole,
            Map<String, Integer> scores,
            List<String> needsTraining,
            Map<String, CertificationView> certifications) {}

    /** A passed skill: {@code status} VALID, EXPIRING or EXPIRED, and the day it expires. */
    public record CertificationView(Certification.Status status, LocalDate expiresOn) {}
}
