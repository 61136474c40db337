package io.uptake.training.session;

import java.util.UUID;

/** The full session an assignment waits for a seat in, and its place on the waitlist (1 is next). */
public record WaitlistRef(UUID sessionId, int position) {}
