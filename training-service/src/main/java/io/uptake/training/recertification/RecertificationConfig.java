package io.uptake.training.recertification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "uptake.recertification")
public interface RecertificationConfig {

    /** How many days before a pass expires its re-test is assigned (and the matrix shows it EXPIRING). */
    @WithDefault("30")
    int windowDays();

    /** How often (ms) the deployment looks for passes about to expire. */
    @WithDefault("3600000")
    long checkMs();
}
