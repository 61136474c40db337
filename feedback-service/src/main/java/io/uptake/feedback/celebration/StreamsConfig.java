package io.uptake.feedback.celebration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "uptake.streams")
public interface StreamsConfig {

    /** Live streams one person may hold open at once (tabs, devices); one more is a 429. */
    @WithDefault("3")
    int perPerson();
}
