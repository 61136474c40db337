package io.uptake.platform.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.reactive.messaging.TracingMetadata;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Carries the trace of the request that wrote an outbox row over to the row's publication: the row
 * keeps the writer's W3C {@code traceparent}, and the relay makes the Kafka send a child of that span.
 *
 * <p>The relay may run in any context: on its timer, or started by another request's {@code runSoon}
 * (then in that request's context). The connector parents its producer span on the message's
 * <em>current</em> tracing context and falls back to the context of the thread only when there is none,
 * so every message names its parent: the writer's span, or the root (a new trace) for a row written
 * outside any trace.
 */
public final class OutboxTrace {

    private static final TextMapGetter<String> TRACEPARENT_ONLY = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String traceparent) {
            return List.of("traceparent");
        }

        @Override
        public String get(String traceparent, String key) {
            return "traceparent".equals(key) ? traceparent : null;
        }
    };

    private OutboxTrace() {}

    /** The current span as a {@code traceparent} value, or null when no trace is under way. */
    public static String current() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid()
                ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                        + span.getTraceFlags().asHex()
                : null;
    }

    /** The message, sent as part of the trace the row was written in (a trace of its own for a row written outside one). */
    public static <T> Message<T> continuing(Message<T> message, String traceparent) {
        Context writer = traceparent == null
                ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, TRACEPARENT_ONLY);
        return message.addMetadata(TracingMetadata.withCurrent(writer));
    }
}
