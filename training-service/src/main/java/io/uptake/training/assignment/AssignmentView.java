package io.uptake.training.assignment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.uptake.training.module.Mode;
import io.uptake.training.session.SessionRef;
import io.uptake.training.session.WaitlistRef;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An assignment: what (a module for a skill, or a test), how (mode, session: when and where, or the waitlist place for a full one), until when, and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssignmentView(
        UUID id,
        String userId,
        String businessUnit,
        AssignmentKind kind,
        String skill,
        UUID moduleId,
        String moduleTitle,
        String moduleUrl,
        Mode mode,
        UUID testId,
        SessionRef session,
        WaitlistRef waitlist,
        AssignmentStatus status,
        LocalDate dueOn,
        Reason reason,
        String assignedBy,
        OffsetDateTime createdAt,
        OffsetDateTime completedAt) {}
