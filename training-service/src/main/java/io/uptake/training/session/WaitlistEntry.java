package io.uptake.training.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One person waiting for a seat: their place (1 is next), for which assignment if any, since when. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WaitlistEntry(int position, String userId, UUID assignmentId, OffsetDateTime since) {}
