package io.uptake.training.attempt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** Limits on taking tests. */
@ConfigMapping(prefix = "uptake.attempts")
public interface AttemptsConfig {

    /**
     * Attempts one person may start of one test within 24 hours, whatever its retake wait: scores
     * cannot be used as an oracle by retaking a test over and over.
     */
    @WithDefault("3")
    @Min(1)
    int perDay();
}
