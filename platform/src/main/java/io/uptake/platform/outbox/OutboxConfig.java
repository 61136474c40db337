package io.uptake.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "uptake.outbox")
public interface OutboxConfig {

    /** How often the relay looks for rows nobody asked it to publish soon (a crash, another replica's rows). */
    @WithDefault("1s")
    Duration interval();
}
