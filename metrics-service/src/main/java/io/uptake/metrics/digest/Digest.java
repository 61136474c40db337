package io.uptake.metrics.digest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A person's weekly digest, as published on {@code uptake.digests} (key: the recipient): a manager's of their
 * unit's week against the week before, or an employee's of their own week. feedback-service delivers it.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Digest(
        UUID eventId,
        String type,
        String recipient,
        String role,
        String businessUnit,
        LocalDate weekStart,
        LocalDate weekEnd,
        String text,
        ManagerFigures manager,
        EmployeeFigures employee,
        OffsetDateTime occurredAt) {

    public static final String TYPE = "digest.weekly";
    public static final String MANAGER = "manager";
    public static final String EMPLOYEE = "employee";
    /** The most people a digest names in a list. */
    public static final int NAMED = 20;

    /** A unit's week against the week before. */
    public record ManagerFigures(
            long activePeople,
            long activePeopleLastWeek,
            long people,
            double meetingObjectives,
            double meetingObjectivesLastWeek,
            long newShortfalls,
            List<String> shortfallPeople,
            long overdueTraining,
            List<String> overdueTrainingPeople) {}

    /** A person's week against the week before. */
    public record EmployeeFigures(
            long activeDays, long activeDaysLastWeek, Integer score, Integer scoreLastWeek, String status) {}
}
