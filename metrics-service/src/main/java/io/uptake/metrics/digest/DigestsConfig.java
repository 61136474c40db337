package io.uptake.metrics.digest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "uptake.digests")
public interface DigestsConfig {

    /** How long (ms) after start the first check for a closed week runs. */
    @WithDefault("30000")
    long firstCheckMs();

    /** How often (ms) the check for a closed week runs; each digest goes out once per person, role and week. */
    @WithDefault("3600000")
    long checkMs();

    /** Whether every employee gets a digest of their own week (managers always get their unit's). */
    @WithDefault("true")
    boolean employees();
}
