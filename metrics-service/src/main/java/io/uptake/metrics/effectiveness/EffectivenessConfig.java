package io.uptake.metrics.effectiveness;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "uptake.effectiveness")
public interface EffectivenessConfig {

    /** Weeks of use compared before a training was assigned and after it was completed, by default. */
    @WithDefault("4")
    int weeks();

    /** The most completed trainings one report reads. */
    @WithDefault("20000")
    int maxTrainings();

    /** Trainings scored at once (each reads a person's use over two windows). */
    @WithDefault("8")
    int concurrency();
}
