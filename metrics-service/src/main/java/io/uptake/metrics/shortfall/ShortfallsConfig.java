package io.uptake.metrics.shortfall;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "uptake.shortfalls")
public interface ShortfallsConfig {

    /** How long (ms) after start the first check for closed periods runs. */
    @WithDefault("30000")
    long firstCheckMs();

    /** How often (ms) the check for closed periods runs. */
    @WithDefault("3600000")
    long checkMs();
}
