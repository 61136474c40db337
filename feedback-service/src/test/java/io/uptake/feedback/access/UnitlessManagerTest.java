package io.uptake.feedback.access;

import io.quarkus.test.junit.QuarkusTest;
import io.uptake.testsupport.ServiceChecks;
import org.junit.jupiter.api.Test;

/**
 * A manager whose token names no business unit manages none: refused with a reason, never answered with every unit's
 * data (the platform's one rule, {@code Caller.ownUnit}).
 */
@QuarkusTest
class UnitlessManagerTest {

    @Test
    void aManagerWithoutAUnitIsRefusedNotShownEveryUnit() {
        ServiceChecks.aManagerWithoutAUnitIsRefused("/api/feedback/overdue", "/api/feedback/overdue?page=0");
    }
}
