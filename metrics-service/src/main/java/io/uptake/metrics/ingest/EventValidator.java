package io.uptake.metrics.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Checks one item of a batch on its own: either a {@link UsageEvent} or the list of what is wrong with it.
 * With {@code sentAt} (when the sender sent the batch, by its own clock), {@code occurredAt} is corrected
 * by the sender's clock skew (receipt - sentAt) before it is judged and kept, as Segment's tracking API
 * does. Events up to {@value #MAX_LATENESS_DAYS} days old are taken; with {@code "backfill": true} (the
 * ingest client only), up to the retention.
 */
final class EventValidator {

    static final int MAX_LATENESS_DAYS = 90;
    static final Duration MAX_LATENESS = Duration.ofDays(MAX_LATENESS_DAYS);
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    private static final int MAX_LABEL = 100;

    /** What validating one item gave: an event, or errors (never both). */
    record Outcome(UsageEvent event, String eventId, List<String> errors) {
        boolean valid() {
            return event != null;
        }
    }

    private final Set<String> knownActions;
    private final Instant now;
    private final int retentionDays;
    private final boolean mayBackfill;

    EventValidator(Set<String> knownActions, Clock clock, int retentionDays, boolean mayBackfill) {
        this.knownActions = knownActions;
        this.now = clock.instant();
        this.retentionDays = retentionDays;
        this.mayBackfill = mayBackfill;
    }

    Outcome validate(JsonNode item) {
        List<String> errors = new ArrayList<>();
        if (item == null || !item.isObject()) {
            return new Outcome(null, null, List.of("the item must be a JSON object"));
        }
        String rawId = text(item, "eventId", errors);
        UUID eventId = null;
        if (rawId != null) {
            if (EventIds.isUuid(rawId)) {
                eventId = UUID.fromString(rawId);
            } else {
                errors.add("eventId: must be a UUID such as 3f2b8c1e-5d4a-4e3b-9c1d-2a6f7e8d9b0c");
            }
        }
        String userId = text(item, "userId", errors);
        if (userId != null && !EventIds.isUserId(userId)) {
            errors.add("userId: must be 1 to 100 letters, digits or . _ @ + -");
        }
        String action = text(item, "action", errors);
        if (action != null && !knownActions.contains(action)) {
            errors.add("action: '" + shorten(action) + "' is not in the action catalogue");
        }
        boolean backfill = backfill(item, errors);
        Duration skew = skew(item, errors);
        Instant occurredAt = instant(item, skew, backfill, errors);
        String objectType = optionalLabel(item, "objectType", errors);
        String source = optionalLabel(item, "source", errors);
        String objectId = optionalLabel(item, "objectId", errors);
        if (!errors.isEmpty()) {
            return new Outcome(null, rawId, List.copyOf(errors));
        }
        return new Outcome(
                new UsageEvent(eventId, userId, action, occurredAt, objectType, source, objectId), rawId, List.of());
    }

    private boolean backfill(JsonNode item, List<String> errors) {
        JsonNode value = item.get("backfill");
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            errors.add("backfill: must be true or false");
            return false;
        }
        if (value.booleanValue() && !mayBackfill) {
            errors.add("backfill: only the ingest client may send history");
            return false;
        }
        return value.booleanValue();
    }

    /** receipt - sentAt, or zero without sentAt. */
    private Duration skew(JsonNode item, List<String> errors) {
        JsonNode value = item.get("sentAt");
        if (value == null || value.isNull()) {
            return Duration.ZERO;
        }
        if (!value.isTextual()) {
            errors.add("sentAt: must be a string");
            return Duration.ZERO;
        }
        try {
            return Duration.between(Rfc3339.parse(value.asText()), now);
        } catch (DateTimeParseException e) {
            errors.add("sentAt: must be an RFC 3339 instant with an offset, such as 2026-11-02T09:15:00Z");
            return Duration.ZERO;
        }
    }

    private Instant instant(JsonNode item, Duration skew, boolean backfill, List<String> errors) {
        String raw = text(item, "occurredAt", errors);
        if (raw == null) {
            return null;
        }
        Instant occurredAt;
        try {
            occurredAt = Rfc3339.parse(raw).plus(skew);
        } catch (DateTimeParseException e) {
            errors.add("occurredAt: must be an RFC 3339 instant with an offset, such as 2026-11-02T09:15:00Z");
            return null;
        } catch (ArithmeticException | DateTimeException e) {
            errors.add("sentAt: too far from the time of receipt to correct occurredAt by");
            return null;
        }
        String corrected = skew.isZero() ? "" : " (corrected by the sender's clock skew of " + skew.toSeconds() + " s)";
        if (occurredAt
                .atOffset(ZoneOffset.UTC)
                .toLocalDate()
                .isBefore(now.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(retentionDays))) {
            errors.add("occurredAt: older than the retention of " + retentionDays + " days" + corrected
                    + "; such events are not kept");
        } else if (!backfill && occurredAt.isBefore(now.minus(MAX_LATENESS))) {
            errors.add("occurredAt: more than " + MAX_LATENESS_DAYS + " days ago" + corrected
                    + "; send history with \"backfill\": true (up to " + retentionDays + " days)");
        } else if (occurredAt.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            errors.add("occurredAt: more than 5 minutes in the future" + corrected);
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
