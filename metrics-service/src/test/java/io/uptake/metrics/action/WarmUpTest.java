package io.uptake.metrics.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.uptake.platform.work.WarmUps;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The catalogue reads its first page through Hibernate once the service has started (see WarmUp). */
@QuarkusTest
class WarmUpTest {

    private final WarmUps warmUps;

    WarmUpTest(WarmUps warmUps) {
        this.warmUps = warmUps;
    }

    @Test
    void theCatalogueIsReadOnceAtStart() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(warmUps.warmed()).contains("ActionService"));
    }
}
