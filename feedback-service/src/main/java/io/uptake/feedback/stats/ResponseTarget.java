package io.uptake.feedback.stats;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The promise the CRM team makes to the people who send feedback. */
@ConfigMapping(prefix = "uptake.feedback.response-target")
public interface ResponseTarget {

    /** Working days (Monday to Friday) within which a submitted item is acknowledged. */
    @WithDefault("5")
    int workingDays();
}
