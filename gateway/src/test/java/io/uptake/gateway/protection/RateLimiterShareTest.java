package io.uptake.gateway.protection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterShareTest {

    @Test
    void eachReplicaAllowsItsShareRoundedUpAndNeverNothing() {
        assertThat(RateLimiter.share(600, 1)).isEqualTo(600);
        assertThat(RateLimiter.share(600, 2)).isEqualTo(300);
        assertThat(RateLimiter.share(601, 2)).isEqualTo(301);
        assertThat(RateLimiter.share(12000, 6)).isEqualTo(2000);
        assertThat(RateLimiter.share(1, 4)).isEqualTo(1);
        assertThat(RateLimiter.share(600, 0))
                .as("a nonsense replica count counts as one")
                .isEqualTo(600);
    }
}
