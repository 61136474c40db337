package io.uptake.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.instrumenter.SpanKindExtractor;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.smallrye.reactive.messaging.tracing.TracingUtils;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The producer span of a relayed row, made the way the Kafka connector makes it (its instrumenter hands each
 * outgoing message to {@link TracingUtils#traceOutgoing}), while the relay runs in the context of some other
 * request: the one whose {@code runSoon} happened to start the relay.
 */
class OutboxTraceTest {

    private final List<SpanData> exported = new CopyOnWriteArrayList<>();
    private final SdkTracerProvider tracing = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new Collecting()))
            .build();
    private final OpenTelemetrySdk openTelemetry =
            OpenTelemetrySdk.builder().setTracerProvider(tracing).build();
    private final Tracer tracer = openTelemetry.getTracer("outbox-trace-test");
    private final Instrumenter<String, Void> producer = Instrumenter.<String, Void>builder(
                    openTelemetry, "outbox-trace-test", topic -> topic + " publish")
            .buildInstrumenter(SpanKindExtractor.alwaysProducer());

    @AfterEach
    void close() {
        tracing.close();
    }

    @Test
    void aRowIsPublishedInTheTraceOfTheRequestThatWroteItWhicheverRequestStartedTheRelay() {
        Span writer = tracer.spanBuilder("PUT /people/{id}")
                .setSpanKind(SpanKind.SERVER)
                .startSpan();
        String traceparent;
        try (Scope writing = writer.makeCurrent()) {
            traceparent = OutboxTrace.current();
        }
        writer.end();

        publishDuringAnotherRequest(OutboxTrace.continuing(Message.of("person"), traceparent));

        SpanData published = producerSpan();
        assertThat(published.getTraceId()).isEqualTo(writer.getSpanContext().getTraceId());
        assertThat(published.getParentSpanId())
                .isEqualTo(writer.getSpanContext().getSpanId());
    }

    @Test
    void aRowWrittenOutsideAnyTraceStartsATraceOfItsOwn() {
        String other = publishDuringAnotherRequest(OutboxTrace.continuing(Message.of("digest"), null));

        SpanData published = producerSpan();
        assertThat(published.getTraceId()).isNotEqualTo(other);
        assertThat(published.getParentSpanContext().isValid()).isFalse();
    }

    @Test
    void outsideATraceThereIsNoTraceparentToKeep() {
        assertThat(OutboxTrace.current()).isNull();
    }

    /** Publishes as the connector does, with another request's span current; returns that request's trace id. */
    private String publishDuringAnotherRequest(Message<String> message) {
        Span other =
                tracer.spanBuilder("GET /other").setSpanKind(SpanKind.SERVER).startSpan();
        try (Scope relayStartedByOther = other.makeCurrent()) {
            TracingUtils.traceOutgoing(producer, message, "uptake.people");
        } finally {
            other.end();
        }
        return other.getSpanContext().getTraceId();
    }

    private SpanData producerSpan() {
        List<SpanData> producers = exported.stream()
                .filter(span -> span.getKind() == SpanKind.PRODUCER)
                .toList();
        assertThat(producers).hasSize(1);
        return producers.getFirst();
    }

    private final class Collecting implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            exported.addAll(spans);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
