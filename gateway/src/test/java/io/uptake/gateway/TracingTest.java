package io.uptake.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.uptake.gateway.support.AllServices;
import io.uptake.gateway.support.OtlpCollector;
import io.uptake.gateway.support.OtlpCollector.ReceivedSpan;
import io.uptake.testsupport.KeycloakTokens;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One trace from the caller through the gateway, the packaged metrics-service and Kafka, as exported
 * over OTLP to the test's collector: every span carries the caller's trace id and hangs under the
 * caller's span, so the context went over each hop (HTTP headers, Kafka record headers, the outbox).
 */
@QuarkusTest
@WithTestResource(AllServices.class)
class TracingTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void anIngestedEventIsOneTraceFromTheCallerToTheRollupConsumer() {
        String traceId = hex(16);
        String callerSpan = hex(8);
        String event = """
                [{"eventId":"%s","userId":"trace-probe","action":"login","occurredAt":"%s"}]""".formatted(UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        given().auth()
                .oauth2(KeycloakTokens.cachedConnectorToken())
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .contentType("application/json")
                .body(event)
                .when()
                .post("/api/metrics/events")
                .then()
                .statusCode(202);

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    List<ReceivedSpan> spans = OtlpCollector.get().trace(traceId);
                    assertThat(kinds(spans, "gateway")).contains("SERVER", "CLIENT");
                    assertThat(kinds(spans, "metrics-service")).contains("SERVER", "PRODUCER", "CONSUMER");
                    assertOneTreeUnder(callerSpan, spans);
                });
    }

    @Test
    void aRosterChangePublishedThroughTheOutboxStaysInTheTraceOfItsRequest() {
        String traceId = hex(16);
        String callerSpan = hex(8);
        given().auth()
                .oauth2(KeycloakTokens.cachedAccessToken("adam"))
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .contentType("application/json")
                .body("""
                        {"displayName":"Trace Probe %s","email":"trace-probe@uptake.test","businessUnit":"Sales EMEA","jobRole":"sales-rep","executive":false,"active":true}""".formatted(traceId))
                .when()
                .put("/api/metrics/people/trace-probe")
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));

        // the relay sends the row later, on its own timer; the send still belongs to the request's trace.
        // Rows go out in order, and metrics-service's own tests (a 50,000-person import) can leave a
        // backlog in the shared test database ahead of this one: hence the long wait.
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    List<ReceivedSpan> spans = OtlpCollector.get().trace(traceId);
                    assertThat(kinds(spans, "metrics-service")).contains("SERVER", "PRODUCER");
                    assertOneTreeUnder(callerSpan, spans);
                });
    }

    @Test
    void aRequestWithoutTraceContextStartsATraceAtTheGatewayThatTheServiceJoins() {
        String probe = UUID.randomUUID().toString();
        given().auth()
                .oauth2(KeycloakTokens.cachedAccessToken("alice"))
                .when()
                .get("/api/metrics/actions?size=1&probe=" + probe)
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    List<ReceivedSpan> roots = OtlpCollector.get().all().stream()
                            .filter(span -> span.service().equals("gateway")
                                    && span.kind().equals("SERVER"))
                            .filter(span ->
                                    span.attributes().values().stream().anyMatch(value -> value.contains(probe)))
                            .toList();
                    assertThat(roots).hasSize(1);
                    assertThat(roots.get(0).parentSpanId()).isEmpty();
                    List<ReceivedSpan> spans =
                            OtlpCollector.get().trace(roots.get(0).traceId());
                    assertThat(kinds(spans, "metrics-service")).contains("SERVER");
                    assertOneTreeUnder("", spans);
                });
    }

    /** Every span's parent is the caller's span or another span of the same trace: one connected tree. */
    private static void assertOneTreeUnder(String callerSpan, List<ReceivedSpan> spans) {
        Set<String> ids = spans.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
        assertThat(spans)
                .allSatisfy(span -> assertThat(span.parentSpanId())
                        .as("parent of %s span '%s' of %s", span.kind(), span.name(), span.service())
                        .satisfiesAnyOf(
                                parent -> assertThat(parent).isEqualTo(callerSpan),
                                parent -> assertThat(ids).contains(parent)));
        assertThat(spans)
                .filteredOn(span -> span.parentSpanId().equals(callerSpan))
                .hasSize(1);
    }

    private static Set<String> kinds(List<ReceivedSpan> spans, String service) {
        return spans.stream()
                .filter(span -> span.service().equals(service))
                .map(ReceivedSpan::kind)
                .collect(Collectors.toSet());
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        random[0] |= 1;
        return HexFormat.of().formatHex(random);
    }
}
