package io.uptake.metrics.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "uptake.conformity")
public interface ConformityConfig {

    /** The distance from the organisation's way of working above which a unit is flagged (0 the same, 1 nothing in common). */
    @WithDefault("0.2")
    double threshold();
}
