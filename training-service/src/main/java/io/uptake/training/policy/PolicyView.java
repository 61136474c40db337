package io.uptake.training.policy;

import io.uptake.training.module.Mode;

/**
 * The policy in force for a business unit; {@code threshold} null means "each skill's pass mark".
 * {@code instructorLedFromGap} and {@code validMonths} are the values in force (the unit's, else the
 * service's defaults, {@link PolicyDefaults}).
 */
public record PolicyView(
        String businessUnit,
        Integer threshold,
        Mode preferredMode,
        int dueInDays,
        boolean defaulted,
        int instructorLedFromGap,
        int validMonths) {

    public static final int DEFAULT_DUE_IN_DAYS = 14;
    public static final int DEFAULT_INSTRUCTOR_LED_FROM_GAP = 30;
    public static final int DEFAULT_VALID_MONTHS = 12;

    public PolicyView(String businessUnit, Integer threshold, Mode preferredMode, int dueInDays, boolean defaulted) {
        this(
                businessUnit,
                threshold,
                preferredMode,
                dueInDays,
                defaulted,
                DEFAULT_INSTRUCTOR_LED_FROM_GAP,
                DEFAULT_VALID_MONTHS);
    }

    /** What applies to a business unit without a policy: the test's pass marks, eLearning, 14 days. */
    public static PolicyView fallback(String businessUnit) {
        return new PolicyView(businessUnit, null, Mode.ELEARNING, DEFAULT_DUE_IN_DAYS, true);
    }

    /** The same policy with the service's configured defaults for what the unit left unset. */
    PolicyView withDefaults(Integer gap, Integer months, PolicyDefaults defaults) {
        return new PolicyView(
                businessUnit,
                threshold,
                preferredMode,
                dueInDays,
                defaulted,
                gap != null ? gap : defaults.instructorLedFromGap(),
                months != null ? months : defaults.validMonths());
    }
}
