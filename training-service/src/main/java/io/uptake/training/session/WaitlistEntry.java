package io.uptake.training.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One person waiting for a seat: their place (1 is next), who (name from the roster, null when unknown), for which assignment if any, since when. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WaitlistEntry(
        int position,
        String userId,
        @JsonInclude(JsonInclude.Include.ALWAYS) String displayName,
        UUID assignmentId,
        OffsetDateTime since) {}
