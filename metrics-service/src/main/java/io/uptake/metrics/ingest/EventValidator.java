package io.uptake.metrics.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Checks one item of a batch on its own: either a {@link UsageEvent} or the list of what is wrong with it. */
final class EventValidator {

    static final Duration MAX_LATENESS = Duration.ofDays(90);
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Pattern UUID_FORMAT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern USER_ID = Pattern.compile("[\\p{L}\\p{N}._@+-]{1,100}");
    private static final int MAX_LABEL = 100;

    /** What validating one item gave: an event, or errors (never both). */
    record Outcome(UsageEvent event, String eventId, List<String> errors) {
        boolean valid() {
            return event != null;
        }
    }

    private final Set<String> knownActions;
    private final Instant now;

    EventValidator(Set<String> knownActions, Clock clock) {
        this.knownActions = knownActions;
        this.now = clock.instant();
    }

    Outcome validate(JsonNode item) {
        List<String> errors = new ArrayList<>();
        if (item == null || !item.isObject()) {
            return new Outcome(null, null, List.of("the item must be a JSON object"));
        }
        String rawId = text(item, "eventId", errors);
        UUID eventId = null;
        if (rawId != null) {
            if (UUID_FORMAT.matcher(rawId).matches()) {
                eventId = UUID.fromString(rawId);
            } else {
                errors.add("eventId: must be a UUID such as 3f2b8c1e-5d4a-4e3b-9c1d-2a6f7e8d9b0c");
            }
        }
        String userId = text(item, "userId", errors);
        if (userId != null && !USER_ID.matcher(userId).matches()) {
            errors.add("userId: must be 1 to 100 letters, digits or . _ @ + -");
        }
        String action = text(item, "action", errors);
        if (action != null && !knownActions.contains(action)) {
            errors.add("action: '" + shorten(action) + "' is not in the action catalogue");
        }
        Instant occurredAt = instant(item, errors);
        String objectType = optionalLabel(item, "objectType", errors);
        String source = optionalLabel(item, "source", errors);
        if (!errors.isEmpty()) {
            return new Outcome(null, rawId, List.copyOf(errors));
        }
        return new Outcome(new UsageEvent(eventId, userId, action, occurredAt, objectType, source), rawId, List.of());
    }

    private Instant instant(JsonNode item, List<String> errors) {
        String raw = text(item, "occurredAt", errors);
        if (raw == null) {
            return null;
        }
        Instant occurredAt;
        try {
            occurredAt = OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            errors.add("occurredAt: must be an RFC 3339 instant with an offset, such as 2026-11-02T09:15:00Z");
            return null;
        }
        if (occurredAt.isBefore(now.minus(MAX_LATENESS))) {
            errors.add("occurredAt: more than 90 days ago");
        } else if (occurredAt.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            errors.add("occurredAt: more than 5 minutes in the future");
        }
        return occurredAt;
    }

    private static String text(JsonNode item, String field, List<String> errors) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            errors.add(field + ": is required");
            return null;
        }
        if (!value.isTextual()) {
            errors.add(field + ": must be a string");
            return null;
        }
        if (value.asText().isBlank()) {
            errors.add(field + ": must not be blank");
            return null;
        }
        return value.asText();
    }

    private static String optionalLabel(JsonNode item, String field, List<String> errors) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(field + ": must be a string");
            return null;
        }
        if (value.asText().length() > MAX_LABEL) {
            errors.add(field + ": at most " + MAX_LABEL + " characters");
            return null;
        }
        return value.asText();
    }

    private static String shorten(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }
}
