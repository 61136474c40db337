package io.uptake.feedback.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How webhook deliveries are made and retried. */
@ConfigMapping(prefix = "uptake.webhooks")
public interface WebhookConfig {

    /** How often the dispatcher looks for deliveries that are due. */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long one attempt may take before it counts as failed. */
    @WithDefault("5s")
    Duration timeout();

    /** The wait after the first failed attempt; it doubles after each further one. */
    @WithDefault("10s")
    Duration initialBackoff();

    /** Attempts per delivery before it is given up (state FAILED). */
    @WithDefault("6")
    int maxAttempts();

    /** The public address of the feedback API, for links in messages. */
    @WithDefault("http://localhost:8080/api/feedback")
    String publicBaseUrl();
}
