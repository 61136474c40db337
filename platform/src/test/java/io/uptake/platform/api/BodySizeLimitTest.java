package io.uptake.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BodySizeLimitTest {

    private static final String UPLOAD = "/api/metrics/imports/salesforce-event-log";

    @Test
    void aLargeBodyPathTakesUpToTheServersCeilingAndEveryOtherPathTheUsualLimit() {
        BodySizeLimit limit = new BodySizeLimit("1G", "10240K", Optional.of(List.of(UPLOAD)));

        assertThat(limit.limitFor(UPLOAD)).isEqualTo(1024L * 1024 * 1024);
        assertThat(limit.limitFor("/api/metrics/events")).isEqualTo(10240L * 1024);
        assertThat(limit.limitFor(UPLOAD + "/other")).isEqualTo(10240L * 1024);
    }

    @Test
    void theUsualLimitNeverExceedsTheCeiling() {
        BodySizeLimit limit = new BodySizeLimit("1M", "10M", Optional.empty());

        assertThat(limit.limitFor("/api/anything")).isEqualTo(1024L * 1024);
    }

    @Test
    void sizesReadAsQuarkusWritesThem() {
        assertThat(BodySizeLimit.bytes("600K")).isEqualTo(600L * 1024);
        assertThat(BodySizeLimit.bytes(" 2g ")).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(BodySizeLimit.bytes("512")).isEqualTo(512L);
    }
}
