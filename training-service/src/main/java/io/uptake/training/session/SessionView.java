package io.uptake.training.session;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A session of an instructor-led module (with its title): when, where, seats, seats taken, and how many wait for one. */
public record SessionView(
        UUID id,
        UUID moduleId,
        String moduleTitle,
        OffsetDateTime startsAt,
        String location,
        int capacity,
        int seatsTaken,
        long waiting) {}
