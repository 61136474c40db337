package io.uptake.metrics.objective;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One thing a team is expected to do: {@code active-days} (days with any CRM use) or
 * {@code action:<code>} (how many times), at least {@code min} per {@code period}.
 */
public record Expectation(
        @NotNull
        @Pattern(
                regexp = "active-days|action:[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*",
                message = "must be active-days or action:<code from the action catalogue>")
        String metric,

        @NotNull @Pattern(regexp = "day|week|month", message = "must be day, week or month")
        String period,

        @NotNull @Min(0) @Max(10_000) Integer min) {

    public static final String ACTIVE_DAYS = "active-days";
    public static final String ACTION_PREFIX = "action:";

    @JsonIgnore
    public boolean isActiveDays() {
        return ACTIVE_DAYS.equals(metric);
    }

    /** The action code of an {@code action:} metric. */
    @JsonIgnore
    public String action() {
        return metric.substring(ACTION_PREFIX.length());
    }
}
