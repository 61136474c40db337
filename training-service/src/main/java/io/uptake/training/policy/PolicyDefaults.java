package io.uptake.training.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What applies where a business unit's policy does not say. */
@ConfigMapping(prefix = "uptake.policy")
public interface PolicyDefaults {

    /** A skill this many points or more under its pass mark is retrained instructor-led; less: eLearning. */
    @WithDefault("30")
    int instructorLedFromGap();

    /** How many months a passed skill stays valid before it must be re-certified. */
    @WithDefault("12")
    int validMonths();
}
