package io.uptake.metrics.followup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

@ConfigMapping(prefix = "uptake.follow-ups")
public interface FollowUpConfig {

    /** The root causes a manager may record for a shortfall. */
    @WithDefault("training,process,tool,data-quality,workload,motivation,other")
    List<String> rootCauses();

    /** The kinds of agreed action; {@code training} also assigns training through training-service. */
    @WithDefault("training,coaching,process,tool,data-cleanup,other")
    List<String> actionKinds();
}
