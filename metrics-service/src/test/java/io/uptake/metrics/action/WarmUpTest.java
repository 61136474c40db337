package io.uptake.metrics.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every WarmUp runs once the service has started, where Hibernate Reactive can read. */
@QuarkusTest
class WarmUpTest {

    private final CatalogueReadAtStart readAtStart;

    WarmUpTest(CatalogueReadAtStart readAtStart) {
        this.readAtStart = readAtStart;
    }

    @Test
    void aWarmUpReadsTheCatalogueThroughHibernateOnceTheServiceHasStarted() throws Exception {
        assertThat(readAtStart.counted.get(30, TimeUnit.SECONDS))
                .as("actions counted by the warm-up")
                .isGreaterThanOrEqualTo(0);
    }
}
