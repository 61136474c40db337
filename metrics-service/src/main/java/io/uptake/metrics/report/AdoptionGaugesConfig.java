package io.uptake.metrics.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "uptake.adoption-gauges")
public interface AdoptionGaugesConfig {

    /** How often (ms) the adoption gauges are recomputed in the background. */
    @WithDefault("60000")
    long refreshMs();
}
