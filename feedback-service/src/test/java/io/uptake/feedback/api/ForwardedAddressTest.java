package io.uptake.feedback.api;

import io.quarkus.test.junit.QuarkusTest;
import io.uptake.testsupport.ServiceChecks;
import org.junit.jupiter.api.Test;

/** Issue 27, low 10: links name the caller's address as the gateway states it, and nobody else may state it. */
@QuarkusTest
class ForwardedAddressTest {

    @Test
    void locationsNameTheAddressTheGatewayStatesAndOnlyTheGateways() {
        ServiceChecks.forwardedAddressesCountFromTheGatewayOnly(
                () -> "POST /api/feedback/items",
                "alice",
                () ->
                        "{\"kind\":\"IDEA\",\"title\":\"Forwarded probe\",\"description\":\"Where do links point?\",\"area\":\"reports\"}");
    }
}
