package io.uptake.feedback.digest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A weekly digest on {@code uptake.digests} (key: the recipient), composed by metrics-service. Only what
 * feedback-service reads is typed; the {@code manager} and {@code employee} figures pass through as they came.
 * Properties the producer adds later are ignored here (generic webhooks still receive them).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Digest(
        UUID eventId,
        String type,
        String recipient,
        String role,
        String businessUnit,
        LocalDate weekStart,
        LocalDate weekEnd,
        String text,
        JsonNode manager,
        JsonNode employee,
        OffsetDateTime occurredAt) {

    /** The webhook event type, and the only value of {@code type}. */
    public static final String WEEKLY = "digest.weekly";

    public static final String MANAGER = "manager";
    public static final String EMPLOYEE = "employee";

    /** What is missing or wrong for feedback-service to deliver it; null when it can be delivered. */
    public String unusableBecause() {
        if (eventId == null || recipient == null || recipient.isBlank() || weekStart == null || role == null) {
            return "a digest needs eventId, recipient, weekStart and role";
        }
        if (!MANAGER.equals(role) && !EMPLOYEE.equals(role)) {
            return "a digest's role is manager or employee, not " + role;
        }
        if (weekEnd != null && weekEnd.isBefore(weekStart)) {
            return "a digest's weekEnd is not before its weekStart";
        }
        return null;
    }

    /** Manager digests go to the webhooks too; an employee's is personal. */
    public boolean forManager() {
        return MANAGER.equals(role);
    }

    /** The first instant of the week (UTC). */
    public OffsetDateTime from() {
        return weekStart.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** The first instant after the week (UTC); a week without weekEnd ends after its seventh day. */
    public OffsetDateTime until() {
        return (weekEnd == null ? weekStart.plusDays(6) : weekEnd)
                .plusDays(1)
                .atStartOfDay()
                .atOffset(ZoneOffset.UTC);
    }
}
