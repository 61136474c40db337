package io.uptake.training.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A seat taken: who, in which session (when and where), for which assignment if any. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnrolmentView(
        UUID sessionId, String userId, UUID assignmentId, OffsetDateTime startsAt, String location) {}
