package io.uptake.training.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A seat taken ({@code status: SEATED}) or a place on the waitlist of a full session ({@code WAITLISTED},
 * with the 1-based {@code waitlistPosition}): who, in which session (when and where), for which assignment if any.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnrolmentView(
        UUID sessionId,
        String userId,
        UUID assignmentId,
        OffsetDateTime startsAt,
        String location,
        String status,
        Integer waitlistPosition) {}
