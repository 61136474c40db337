package io.uptake.k8s;

import static io.uptake.k8s.Workloads.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Prometheus scrapes every app, and the Grafana dashboard shows what the issue asks for. */
class DashboardTest {

    /** Panel title fragment to a metric its queries must read. */
    private static final Map<String, String> REQUIRED_PANELS = Map.of(
            "Ingestion rate", "http_server_requests_seconds_count",
            "Adoption per business unit", "uptake_adoption_active_people",
            "Feedback throughput", "/api/feedback/",
            "Training assignments", "/api/training/assignments",
            "Latency", "http_server_requests_seconds",
            "Errors per route", "status=~\"5..\"");

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyAppServiceIsScrapedOnQuarkusMetricsPath(Overlay overlay) {
        for (String app : Repo.APPS) {
            assertThat(Repo.pom(app)).contains("<artifactId>quarkus-micrometer-registry-prometheus</artifactId>");
            JsonNode service = overlay.get("Service", app);
            assertThat(overlay.ofKind("ServiceMonitor")
                            .filter(sm -> Workloads.selects(
                                    Workloads.map(sm.at("/spec/selector/matchLabels")),
                                    Workloads.map(service.at("/metadata/labels")))))
                    .as("ServiceMonitor of %s", app)
                    .singleElement()
                    .satisfies(sm -> assertThat(list(sm.at("/spec/endpoints"))).allSatisfy(endpoint -> {
                        assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
                        assertThat(list(service.at("/spec/ports")))
                                .extracting(p -> p.path("name").asText())
                                .contains(endpoint.path("port").asText());
                    }));
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theDashboardShowsIngestionAdoptionFeedbackTrainingLatencyAndErrors(Overlay overlay) throws IOException {
        JsonNode configMap = overlay.get("ConfigMap", "uptake-grafana-dashboard");
        assertThat(configMap.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
        JsonNode dashboard = Schemas.STRICT.readTree(
                configMap.at("/data/uptake-dashboard.json").asText());
        List<JsonNode> panels = list(dashboard.path("panels"));
        assertThat(panels)
                .allSatisfy(panel -> assertThat(list(panel.path("targets")))
                        .isNotEmpty()
                        .allSatisfy(target ->
                                assertThat(target.path("expr").asText()).isNotBlank()));
        REQUIRED_PANELS.forEach((title, metric) -> assertThat(panels)
                .filteredOn(panel -> panel.path("title").asText().contains(title))
                .as("a panel '%s' reading %s", title, metric)
                .isNotEmpty()
                .anySatisfy(
                        panel -> assertThat(panel.path("targets").toString()).contains(metric.replace("\"", "\\\""))));
        assertThat(panels.stream().map(panel -> panel.path("id").asInt())).doesNotHaveDuplicates();
    }
}
