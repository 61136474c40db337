package io.uptake.training.policy;

import io.uptake.training.module.Mode;

/** The policy in force for a business unit; {@code threshold} null means "each skill's pass mark". */
public record PolicyView(String businessUnit, Integer threshold, Mode preferredMode, int dueInDays, boolean defaulted) {

    public static final int DEFAULT_DUE_IN_DAYS = 14;

    /** What applies to a business unit without a policy: the test's pass marks, eLearning, 14 days. */
    public static PolicyView fallback(String businessUnit) {
        return new PolicyView(businessUnit, null, Mode.ELEARNING, DEFAULT_DUE_IN_DAYS, true);
    }
}
