package io.uptake.feedback.api;

import io.quarkus.test.junit.QuarkusTest;
import io.uptake.testsupport.ServiceChecks;
import org.junit.jupiter.api.Test;

/** Request metrics stay bounded: a method nobody uses is no new series, whoever sends it. */
@QuarkusTest
class RequestMetricsTest {

    @Test
    void inventedMethodsLeaveNoSeriesOfTheirOwn() {
        ServiceChecks.inventedMethodsLeaveNoSeriesOfTheirOwn("/api/feedback/items");
    }

    /** Issue 27, low 11. */
    @Test
    void healthMetricsAndTheApiDocumentAreOnTheManagementPortOnly() {
        ServiceChecks.managementPathsAreOffTheApiPort();
    }
}
