package io.uptake.training.assignment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "uptake.assignments")
public interface AssignmentsConfig {

    /** How often (ms) open work past its due date is marked OVERDUE. */
    @WithDefault("60000")
    long overdueCheckMs();
}
