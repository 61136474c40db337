package io.uptake.gateway.protection;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.gateway.protection.CorsPolicy.Answer;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {

    private final CorsPolicy policy = new CorsPolicy(Set.of("https://App.example.com"));

    @Test
    void aListedOriginIsAllowedAndItsPreflightAnsweredWhateverItsCase() {
        assertThat(policy.decide("https://app.example.com", "uptake.example.com", false, false))
                .isEqualTo(Answer.ALLOW);
        assertThat(policy.decide("https://APP.example.com", "uptake.example.com", false, true))
                .isEqualTo(Answer.PREFLIGHT);
    }

    @Test
    void anotherOriginIsRefusedUnlessTheRouteIsOpenToWriteKeys() {
        assertThat(policy.decide("https://evil.example", "uptake.example.com", false, false))
                .isEqualTo(Answer.REJECT);
        assertThat(policy.decide("https://evil.example", "uptake.example.com", false, true))
                .isEqualTo(Answer.REJECT);
        assertThat(policy.decide("https://crm.example.com", "uptake.example.com", true, true))
                .isEqualTo(Answer.PASS);
    }

    @Test
    void noOriginOrTheGatewaysOwnIsNoCrossOriginRequest() {
        assertThat(policy.decide(null, "uptake.example.com", false, false)).isEqualTo(Answer.PASS);
        assertThat(policy.decide("https://uptake.example.com", "uptake.example.com", false, false))
                .isEqualTo(Answer.PASS);
        assertThat(policy.decide("not a uri at all", "uptake.example.com", false, false))
                .isEqualTo(Answer.REJECT);
    }

    @Test
    void aSameOriginRequestStatingOriginNullStatesNone() {
        assertThat(CorsPolicy.statedOrigin("null", "same-origin")).isNull();
        assertThat(CorsPolicy.statedOrigin("null", "cross-site")).isEqualTo("null");
        assertThat(CorsPolicy.statedOrigin("null", null)).isEqualTo("null");
        assertThat(CorsPolicy.statedOrigin("https://crm.example", "same-origin"))
                .isEqualTo("https://crm.example");
    }
}
