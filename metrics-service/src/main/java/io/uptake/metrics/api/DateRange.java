package io.uptake.metrics.api;

import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.Problem;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** A report's range of days, both ends included ({@code ?from=2026-11-02&to=2026-11-08}); by default the last 7 days. */
public record DateRange(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;

    public static DateRange parse(String from, String to) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate end = date("to", to, LocalDate.now(ZoneOffset.UTC), errors);
        LocalDate start = date("from", from, end == null ? null : end.minusDays(6), errors);
        if (errors.isEmpty()) {
            if (start.isAfter(end)) {
                errors.add(new Problem.FieldError("from", "must not be after to"));
            } else if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
                errors.add(new Problem.FieldError("from", "the range may span at most " + MAX_DAYS + " days"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new DateRange(start, end);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** The one of these ranges that holds the day, or null. */
    public static DateRange holding(List<DateRange> ranges, LocalDate day) {
        return ranges.stream().filter(range -> range.contains(day)).findFirst().orElse(null);
    }

    /** Days in the range, both ends counted. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** When the range is judged: the last moment of its last day, or now while that day has not ended. */
    public OffsetDateTime judgedAt() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime closed =
                to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC).minusNanos(1000);
        return closed.isAfter(now) ? now : closed;
    }

    private static LocalDate date(String field, String value, LocalDate absent, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be a date such as 2026-11-02"));
            return null;
        }
    }
}
