package io.uptake.training.session;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The full session an assignment waits for a seat in (when and where), and its place on the waitlist (1 is next). */
public record WaitlistRef(UUID sessionId, int position, OffsetDateTime startsAt, String location) {}
