package io.uptake.training.assignment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.uptake.training.module.Mode;
import io.uptake.training.session.SessionRef;
import io.uptake.training.session.WaitlistRef;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An assignment: whose (with their name from the roster, null when unknown), what (a module for a skill, or
 * a test, with their names), how (mode, session: when and where, or the waitlist place for a full one),
 * until when, why, and who assigned it (with their name when they are on the roster).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssignmentView(
        UUID id,
        String userId,
        @JsonInclude(JsonInclude.Include.ALWAYS) String displayName,
        String businessUnit,
        AssignmentKind kind,
        String skill,
        String skillName,
        UUID moduleId,
        String moduleTitle,
        String moduleUrl,
        Mode mode,
        UUID testId,
        String testName,
        SessionRef session,
        WaitlistRef waitlist,
        AssignmentStatus status,
        LocalDate dueOn,
        Reason reason,
        String assignedBy,
        String assignedByName,
        OffsetDateTime createdAt,
        OffsetDateTime completedAt) {}
