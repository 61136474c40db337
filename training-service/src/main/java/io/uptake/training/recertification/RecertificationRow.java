package io.uptake.training.recertification;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A pass that expires within the window asked for, or has expired: whose (name from the roster, null when
 * unknown), which skill, when it was passed and expires, {@code status} EXPIRING or EXPIRED, and the re-test
 * assigned for it since the pass (null when none was).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecertificationRow(
        String userId,
        @JsonInclude(JsonInclude.Include.ALWAYS) String displayName,
        String businessUnit,
        String skill,
        String skillName,
        int score,
        LocalDate passedOn,
        LocalDate expiresOn,
        Certification.Status status,
        @JsonInclude(JsonInclude.Include.ALWAYS) Retest assignment) {

    /** The re-test assignment: its id, status (open work past its due date as OVERDUE), due date and test. */
    public record Retest(UUID id, String status, LocalDate dueOn, UUID testId) {}
}
