package io.uptake.training.session;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The session an instructor-led assignment is booked on: when and where. */
public record SessionRef(UUID id, OffsetDateTime startsAt, String location) {}
