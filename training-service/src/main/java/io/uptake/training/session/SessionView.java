package io.uptake.training.session;

import java.time.OffsetDateTime;
import java.util.UUID;

public record SessionView(
        UUID id, UUID moduleId, OffsetDateTime startsAt, String location, int capacity, int seatsTaken) {}
