package io.uptake.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * Stands in for the OpenTelemetry collector we do not run: an OTLP/HTTP receiver on a free local port
 * that keeps every span the gateway and the packaged services export. One per test JVM.
 */
public final class OtlpCollector {

    /** One received span, ids in lower-case hex as in {@code traceparent}; parent empty for a root. */
    public record ReceivedSpan(
            String service,
            String traceId,
            String spanId,
            String parentSpanId,
            String name,
            String kind,
            Map<String, String> attributes) {}

    private static OtlpCollector instance;

    private final HttpServer server;
    // appended to by several export requests at once, and large (every span of the test run): no copy on write
    private final Queue<ReceivedSpan> spans = new ConcurrentLinkedQueue<>();

    private OtlpCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/v1/traces", this::receive);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public static synchronized OtlpCollector get() {
        if (instance == null) {
            try {
                instance = new OtlpCollector();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** The base URL for {@code quarkus.otel.exporter.otlp.traces.endpoint} (the exporter adds /v1/traces). */
    public String endpoint() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public List<ReceivedSpan> all() {
        return List.copyOf(spans);
    }

    public List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (InputStream body =
                "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                        ? new GZIPInputStream(exchange.getRequestBody())
                        : exchange.getRequestBody()) {
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
            for (ResourceSpans resource : request.getResourceSpansList()) {
                String service = resource.getResource().getAttributesList().stream()
                        .filter(attribute -> attribute.getKey().equals("service.name"))
                        .map(KeyValue::getValue)
                        .map(value -> value.getStringValue())
                        .findFirst()
                        .orElse("");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    scope.getSpansList()
                            .forEach(span -> spans.add(new ReceivedSpan(
                                    service,
                                    HexFormat.of().formatHex(span.getTraceId().toByteArray()),
                                    HexFormat.of().formatHex(span.getSpanId().toByteArray()),
                                    HexFormat.of()
                                            .formatHex(span.getParentSpanId().toByteArray()),
                                    span.getName(),
                                    span.getKind().name().replace("SPAN_KIND_", ""),
                                    span.getAttributesList().stream()
                                            .collect(Collectors.toMap(
                                                    KeyValue::getKey,
                                                    attribute -> attribute
                                                            .getValue()
                                                            .toString()
                                                            .trim(),
                                                    (first, second) -> first)))));
                }
            }
        }
        exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }
}
