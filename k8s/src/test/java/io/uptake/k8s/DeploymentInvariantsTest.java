package io.uptake.k8s;

import static io.uptake.k8s.Workloads.containers;
import static io.uptake.k8s.Workloads.list;
import static io.uptake.k8s.Workloads.map;
import static io.uptake.k8s.Workloads.name;
import static io.uptake.k8s.Workloads.podLabels;
import static io.uptake.k8s.Workloads.selects;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every app Deployment must have, checked over the rendered output of each overlay. */
class DeploymentInvariantsTest {

    /** SmallRye Health's default paths, served by every app that has quarkus-smallrye-health. */
    private static final Map<String, String> PROBE_PATHS = Map.of(
            "startupProbe",
            "/q/health/started",
            "readinessProbe",
            "/q/health/ready",
            "livenessProbe",
            "/q/health/live");

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyAppIsDeployedOnce(Overlay overlay) {
        assertThat(overlay.ofKind("Deployment").map(Workloads::name)).containsExactlyInAnyOrderElementsOf(Repo.APPS);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyDeploymentProbesTheHealthPathsItsAppServesOnItsManagementPort(Overlay overlay) {
        overlay.ofKind("Deployment").forEach(deployment -> {
            String app = name(deployment);
            Map<String, String> props = Repo.prodProperties(app);
            assertThat(Repo.pom(app))
                    .as("%s serves SmallRye Health", app)
                    .contains("<artifactId>quarkus-smallrye-health</artifactId>");
            assertThat(props)
                    .as("%s keeps the default health and HTTP root paths", app)
                    .doesNotContainKeys(
                            "quarkus.smallrye-health.root-path",
                            "quarkus.smallrye-health.liveness-path",
                            "quarkus.smallrye-health.readiness-path",
                            "quarkus.smallrye-health.startup-path",
                            "quarkus.http.root-path",
                            "quarkus.http.non-application-root-path");
            assertThat(props)
                    .as("%s serves health on its management interface", app)
                    .containsEntry("quarkus.management.enabled", "true");
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            String port = Workloads.env(container, "QUARKUS_MANAGEMENT_PORT");
            int listens = Integer.parseInt(port != null ? port : props.getOrDefault("quarkus.management.port", "9000"));
            PROBE_PATHS.forEach((probe, path) -> {
                JsonNode get = container.path(probe).path("httpGet");
                assertThat(get.path("path").asText())
                        .as("%s %s path", app, probe)
                        .isEqualTo(path);
                assertThat(portNumber(container, get.path("port")))
                        .as("%s %s port", app, probe)
                        .isEqualTo(listens);
            });
        });
    }

    /** Issue 27, low 11: Prometheus scrapes the management interface, and nothing routes it from outside. */
    @ParameterizedTest
    @EnumSource(Overlay.class)
    void prometheusScrapesEachAppsManagementPort(Overlay overlay) {
        overlay.ofKind("Deployment").forEach(deployment -> {
            String app = name(deployment);
            JsonNode monitor = overlay.get("ServiceMonitor", app);
            JsonNode service = overlay.get("Service", app);
            JsonNode endpoint = monitor.at("/spec/endpoints/0");
            assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
            JsonNode servicePort = list(service.at("/spec/ports")).stream()
                    .filter(p ->
                            p.path("name").asText().equals(endpoint.path("port").asText()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(app + "'s Service has no port " + endpoint.path("port")));
            assertThat(servicePort.path("targetPort").asText())
                    .as("%s is scraped on its management interface", app)
                    .isEqualTo("management");
        });
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyContainerHasCpuAndMemoryRequestsWithinItsLimits(Overlay overlay) {
        overlay.ofKind("Deployment").flatMap(d -> containers(d).stream()).forEach(container -> {
            JsonNode resources = container.path("resources");
            for (String resource : List.of("cpu", "memory")) {
                String request = resources.path("requests").path(resource).asText();
                String limit = resources.path("limits").path(resource).asText();
                assertThat(request)
                        .as("%s requests.%s", container.path("name").asText(), resource)
                        .isNotBlank();
                assertThat(limit)
                        .as("%s limits.%s", container.path("name").asText(), resource)
                        .isNotBlank();
                assertThat(quantity(request))
                        .as("%s %s request <= limit", container.path("name").asText(), resource)
                        .isLessThanOrEqualTo(quantity(limit));
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyPodRunsAsNonRootOnAReadOnlyRootWithNoCapabilities(Overlay overlay) {
        overlay.ofKind("Deployment").forEach(deployment -> {
            JsonNode pod = deployment.at("/spec/template/spec/securityContext");
            assertThat(pod.path("runAsNonRoot").asBoolean())
                    .as("%s runAsNonRoot", name(deployment))
                    .isTrue();
            assertThat(pod.path("runAsUser").asInt(0))
                    .as("%s runAsUser", name(deployment))
                    .isPositive();
            assertThat(deployment
                            .at("/spec/template/spec/automountServiceAccountToken")
                            .asBoolean(true))
                    .isFalse();
            assertThat(containers(deployment)).allSatisfy(container -> {
                JsonNode security = container.path("securityContext");
                assertThat(security.path("readOnlyRootFilesystem").asBoolean())
                        .as("readOnlyRootFilesystem")
                        .isTrue();
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true))
                        .as("allowPrivilegeEscalation")
                        .isFalse();
                assertThat(security.path("privileged").asBoolean(false))
                        .as("privileged")
                        .isFalse();
                assertThat(list(security.path("capabilities").path("drop")))
                        .extracting(JsonNode::asText)
                        .contains("ALL");
                assertThat(security.path("capabilities").path("add").size())
                        .as("capabilities added")
                        .isZero();
                // The JVM and Vert.x need a writable /tmp: it must be a volume, since the root is read-only.
                assertThat(list(container.path("volumeMounts")))
                        .extracting(m -> m.path("mountPath").asText())
                        .contains("/tmp");
            });
        });
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyDeploymentHasADisruptionBudgetAndAnAutoscaler(Overlay overlay) {
        overlay.ofKind("Deployment").forEach(deployment -> {
            assertThat(overlay.ofKind("PodDisruptionBudget")
                            .filter(pdb -> selects(map(pdb.at("/spec/selector/matchLabels")), podLabels(deployment))))
                    .as("PodDisruptionBudget of %s", name(deployment))
                    .hasSize(1)
                    .allSatisfy(pdb -> assertThat(pdb.at("/spec/minAvailable").isMissingNode()
                                    || pdb.at("/spec/minAvailable").asInt()
                                            < deployment.at("/spec/replicas").asInt())
                            .as("the budget of %s lets a node drain", name(deployment))
                            .isTrue());
            assertThat(overlay.ofKind("HorizontalPodAutoscaler")
                            .filter(hpa ->
                                    hpa.at("/spec/scaleTargetRef/kind").asText().equals("Deployment")
                                            && hpa.at("/spec/scaleTargetRef/name")
                                                    .asText()
                                                    .equals(name(deployment))))
                    .as("HorizontalPodAutoscaler of %s", name(deployment))
                    .singleElement()
                    .satisfies(hpa -> assertThat(hpa.at("/spec/minReplicas").asInt())
                            .isLessThanOrEqualTo(hpa.at("/spec/maxReplicas").asInt())
                            .isEqualTo(deployment.at("/spec/replicas").asInt()));
        });
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theDevOverlayRunsOneReplicaAndProdRunsTwoOrMore(Overlay overlay) {
        overlay.ofKind("Deployment").forEach(deployment -> {
            int replicas = deployment.at("/spec/replicas").asInt();
            if (overlay == Overlay.DEV) {
                assertThat(replicas).as(name(deployment)).isEqualTo(1);
            } else {
                assertThat(replicas).as(name(deployment)).isGreaterThanOrEqualTo(2);
            }
        });
        int instances =
                overlay.get("Cluster", "uptake-pg").at("/spec/instances").asInt();
        int brokers =
                overlay.get("KafkaNodePool", "dual-role").at("/spec/replicas").asInt();
        int keycloaks =
                overlay.get("Keycloak", "uptake-keycloak").at("/spec/instances").asInt();
        if (overlay == Overlay.DEV) {
            assertThat(List.of(instances, brokers, keycloaks)).containsOnly(1);
        } else {
            assertThat(instances).as("PostgreSQL instances").isEqualTo(3);
            assertThat(brokers).as("Kafka nodes").isEqualTo(3);
            assertThat(keycloaks).as("Keycloak instances").isGreaterThanOrEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theGatewaysRateLimitShareMatchesItsReplicas(Overlay overlay) {
        int replicas = overlay.get("Deployment", "gateway").at("/spec/replicas").asInt();
        int minimum = overlay.get("HorizontalPodAutoscaler", "gateway")
                .at("/spec/minReplicas")
                .asInt();
        String share = overlay.get("ConfigMap", "gateway-config")
                .at("/data/UPTAKE_GATEWAY_RATE_LIMIT_REPLICAS")
                .asText();
        assertThat(share).as("the replicas that share the rate limits").isEqualTo(String.valueOf(replicas));
        assertThat(minimum).as("the autoscaler's minimum").isEqualTo(replicas);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyEnvironmentVariableTheAppNeedsInProductionIsSet(Overlay overlay) {
        Pattern required = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
        overlay.ofKind("Deployment").forEach(deployment -> {
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            List<String> set = list(container.path("env")).stream()
                    .map(e -> e.path("name").asText())
                    .toList();
            Repo.prodProperties(name(deployment)).values().forEach(value -> {
                Matcher m = required.matcher(value);
                while (m.find()) {
                    assertThat(set)
                            .as("%s sets %s (no default in application.properties)", name(deployment), m.group(1))
                            .contains(m.group(1));
                }
            });
        });
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theBrowserSessionCookieIsSecureBehindTheTlsOfTheIngress(Overlay overlay) {
        JsonNode container = overlay.get("Deployment", "gateway").at("/spec/template/spec/containers/0");
        assertThat(list(container.path("env")))
                .as(
                        "the gateway forces Secure on its session cookies (quarkus.oidc.web.authentication.cookie-force-secure)")
                .anySatisfy(env -> {
                    assertThat(env.path("name").asText()).isEqualTo("UPTAKE_WEB_SECURE_COOKIES");
                    assertThat(env.path("value").asText()).isEqualTo("true");
                });
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theWebAppsFormsMayContinueToKeycloaksPublicAddressOnly(Overlay overlay) {
        JsonNode container = overlay.get("Deployment", "gateway").at("/spec/template/spec/containers/0");
        String hostname = overlay.get("Keycloak", "uptake-keycloak")
                .at("/spec/hostname/hostname")
                .asText();
        assertThat(list(container.path("env")))
                .as("sign-out continues at Keycloak's public address (CSP form-action of the web app)")
                .anySatisfy(env -> {
                    assertThat(env.path("name").asText()).isEqualTo("UPTAKE_GATEWAY_SIGN_IN_ORIGIN");
                    assertThat(env.path("value").asText()).isEqualTo(hostname).startsWith("https://");
                });
    }

    private static int portNumber(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        return list(container.path("ports")).stream()
                .filter(p -> p.path("name").asText().equals(port.asText()))
                .map(p -> p.path("containerPort").asInt())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + port.asText()));
    }

    /** A Kubernetes quantity in base units (cores, bytes), enough for comparing requests with limits. */
    static double quantity(String value) {
        Matcher m = Pattern.compile("^([0-9.]+)(m|Ki|Mi|Gi|Ti|k|M|G|T)?$").matcher(value);
        assertThat(m.matches()).as("quantity %s", value).isTrue();
        double number = Double.parseDouble(m.group(1));
        String suffix = m.group(2) == null ? "" : m.group(2);
        return number
                * switch (suffix) {
                    case "m" -> 0.001;
                    case "Ki" -> 1024d;
                    case "Mi" -> 1024d * 1024;
                    case "Gi" -> 1024d * 1024 * 1024;
                    case "Ti" -> 1024d * 1024 * 1024 * 1024;
                    case "k" -> 1e3;
                    case "M" -> 1e6;
                    case "G" -> 1e9;
                    case "T" -> 1e12;
                    default -> 1d;
                };
    }
}
