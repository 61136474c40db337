package io.uptake.k8s;

import static io.uptake.k8s.Workloads.containers;
import static io.uptake.k8s.Workloads.list;
import static io.uptake.k8s.Workloads.map;
import static io.uptake.k8s.Workloads.name;
import static io.uptake.k8s.Workloads.podLabels;
import static io.uptake.k8s.Workloads.selects;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 27, medium 5: every hop inside the cluster is encrypted and each client checks whom it talks to. PostgreSQL
 * takes TLS only and the services verify its certificate (verify-full) against the CloudNativePG CA; Keycloak serves
 * HTTPS only; the gateway reaches the services over HTTPS, checking their cert-manager certificates against the
 * internal CA, whose key no app mounts.
 */
class InClusterTlsTest {

    private static final List<String> SERVICES = List.of("metrics-service", "feedback-service", "training-service");

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void postgresqlAcceptsTlsOnlyAndEveryClientVerifiesItsCertificate(Overlay overlay) {
        JsonNode cluster = overlay.get("Cluster", "uptake-pg");
        List<String> hba = list(cluster.at("/spec/postgresql/pg_hba")).stream()
                .map(JsonNode::asText)
                .toList();
        assertThat(hba.subList(0, hba.size() - 1))
                .isNotEmpty()
                .allSatisfy(rule -> assertThat(rule).startsWith("hostssl ").endsWith(" scram-sha-256"));
        assertThat(hba.getLast())
                .as("a plain connection meets the last rule")
                .startsWith("host ")
                .endsWith(" reject");
        String caSecret = name(cluster) + "-ca";
        for (String service : SERVICES) {
            JsonNode deployment = overlay.get("Deployment", service);
            JsonNode container = containers(deployment).getFirst();
            assertThat(env(overlay, container, "QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE"))
                    .isEqualTo("verify-full");
            assertThat(env(overlay, container, "QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM"))
                    .isEqualTo("true");
            assertThat(env(overlay, container, "QUARKUS_DATASOURCE_REACTIVE_HOSTNAME_VERIFICATION_ALGORITHM"))
                    .isEqualTo("HTTPS");
            String ca = env(overlay, container, "QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM_CERTS");
            assertThat(mountedSecret(deployment, container, ca))
                    .as("%s's PostgreSQL CA", service)
                    .isEqualTo(caSecret);
            assertThat(env(overlay, container, "DB_JDBC_PARAMETERS"))
                    .as("Flyway's JDBC connection")
                    .contains("sslmode=verify-full")
                    .contains("sslrootcert=" + ca);
        }
        JsonNode keycloak = overlay.get("Keycloak", "uptake-keycloak");
        String url = keycloak.at("/spec/db/url").asText();
        assertThat(url).contains("sslmode=verify-full");
        String rootCert = url.replaceFirst(".*sslrootcert=([^&]+).*", "$1");
        JsonNode podSpec = keycloak.at("/spec/unsupported/podTemplate/spec");
        assertThat(mountedSecret(podSpec, podSpec.at("/containers/0"), rootCert))
                .as("Keycloak's PostgreSQL CA")
                .isEqualTo(caSecret);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void keycloakServesHttpsOnlyWithACertificateForTheNameTheAppsUse(Overlay overlay) {
        JsonNode keycloak = overlay.get("Keycloak", "uptake-keycloak");
        assertThat(keycloak.at("/spec/http/httpEnabled").asBoolean(true)).isFalse();
        int httpsPort = keycloak.at("/spec/http/httpsPort").asInt(8443);
        JsonNode certificate =
                certificateFor(overlay, keycloak.at("/spec/http/tlsSecret").asText());
        for (JsonNode deployment : overlay.ofKind("Deployment").toList()) {
            JsonNode container = containers(deployment).getFirst();
            URI issuer = URI.create(env(overlay, container, "OIDC_AUTH_SERVER_URL"));
            assertThat(issuer.getScheme())
                    .as("%s reaches Keycloak", name(deployment))
                    .isEqualTo("https");
            assertThat(issuer.getPort()).isEqualTo(httpsPort);
            assertThat(list(certificate.at("/spec/dnsNames")))
                    .extracting(JsonNode::asText)
                    .contains(issuer.getHost());
            assertThat(env(overlay, container, "QUARKUS_OIDC_TLS_TLS_CONFIGURATION_NAME"))
                    .isEqualTo("cluster");
            String ca = env(overlay, container, "QUARKUS_TLS_CLUSTER_TRUST_STORE_PEM_CERTS");
            assertThat(trustedIssuerCa(overlay, deployment, container, ca))
                    .as("%s trusts the CA that signs Keycloak's certificate", name(deployment))
                    .isEqualTo(certificate.at("/spec/issuerRef/name").asText());
        }
        JsonNode ingress = overlay.get("Ingress", "keycloak");
        assertThat(map(ingress.at("/metadata/annotations")))
                .containsEntry("nginx.ingress.kubernetes.io/backend-protocol", "HTTPS");
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theGatewayReachesEachServiceOverHttpsCheckingItsCertificate(Overlay overlay) {
        JsonNode gateway = overlay.get("Deployment", "gateway");
        JsonNode gatewayContainer = containers(gateway).getFirst();
        String upstreamCa = env(overlay, gatewayContainer, "UPTAKE_GATEWAY_UPSTREAM_CA");
        for (String service : SERVICES) {
            String route = service.substring(0, service.indexOf('-')).toUpperCase();
            URI url = URI.create(env(overlay, gatewayContainer, "UPSTREAM_" + route + "_URL"));
            assertThat(url.getScheme()).as("the gateway reaches %s", service).isEqualTo("https");
            assertThat(url.getHost()).isEqualTo(service);
            JsonNode svc = overlay.get("Service", service);
            int port = url.getPort() == -1 ? 443 : url.getPort();
            JsonNode servicePort = list(svc.at("/spec/ports")).stream()
                    .filter(p -> p.path("port").asInt() == port)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(service + " has no port " + port));
            JsonNode deployment = overlay.get("Deployment", service);
            JsonNode container = containers(deployment).getFirst();
            int containerPort = list(container.path("ports")).stream()
                    .filter(p -> p.path("name")
                            .asText()
                            .equals(servicePort.path("targetPort").asText()))
                    .findFirst()
                    .orElseThrow()
                    .path("containerPort")
                    .asInt();
            assertThat(env(overlay, container, "QUARKUS_HTTP_SSL_PORT"))
                    .as("%s serves HTTPS where the Service sends the gateway", service)
                    .isEqualTo(String.valueOf(containerPort));
            String certificateSecret =
                    mountedSecret(deployment, container, env(overlay, container, "QUARKUS_HTTP_SSL_CERTIFICATE_FILES"));
            assertThat(mountedSecret(
                            deployment, container, env(overlay, container, "QUARKUS_HTTP_SSL_CERTIFICATE_KEY_FILES")))
                    .isEqualTo(certificateSecret);
            JsonNode certificate = certificateFor(overlay, certificateSecret);
            assertThat(list(certificate.at("/spec/dnsNames")))
                    .extracting(JsonNode::asText)
                    .contains(url.getHost());
            assertThat(trustedIssuerCa(overlay, gateway, gatewayContainer, upstreamCa))
                    .isEqualTo(certificate.at("/spec/issuerRef/name").asText());
            Map<String, String> labels = podLabels(deployment);
            List<JsonNode> gatewayRules = overlay.ofKind("NetworkPolicy")
                    .filter(np -> selects(map(np.at("/spec/podSelector/matchLabels")), labels))
                    .flatMap(np -> list(np.at("/spec/ingress")).stream())
                    .filter(rule -> list(rule.path("from")).stream()
                            .anyMatch(peer -> "gateway"
                                    .equals(peer.at("/podSelector/matchLabels/app.kubernetes.io~1name")
                                            .asText())))
                    .toList();
            assertThat(gatewayRules)
                    .as("the gateway may reach %s's API on its HTTPS port only (and its management interface)", service)
                    .isNotEmpty()
                    .allSatisfy(rule -> assertThat(list(rule.path("ports")))
                            .extracting(p -> p.path("port").asText())
                            .containsOnly("https", "management"));
            assertThat(env(overlay, container, "QUARKUS_HTTP_INSECURE_REQUESTS"))
                    .as("%s serves its API over HTTPS only", service)
                    .isEqualTo("disabled");
            assertThat(list(container.path("ports")))
                    .extracting(p -> p.path("name").asText())
                    .containsExactlyInAnyOrder("https", "management");
        }
    }

    /** The Certificate that keeps this Secret. */
    private static JsonNode certificateFor(Overlay overlay, String secret) {
        return overlay.ofKind("Certificate")
                .filter(c -> secret.equals(c.at("/spec/secretName").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Certificate keeps the Secret " + secret));
    }

    /**
     * The Issuer whose CA a mounted {@code ca.crt} is: the CA Secret itself (mounted without its key) or a
     * Certificate's Secret (whose {@code ca.crt} is its issuer's CA).
     */
    private static String trustedIssuerCa(Overlay overlay, JsonNode podOwner, JsonNode container, String path) {
        String secret = mountedSecret(podOwner, container, path);
        JsonNode volume = volumeOf(podOwner, container, path);
        assertThat(list(volume.at("/secret/items")))
                .extracting(item -> item.path("key").asText())
                .as("the CA's key is never mounted")
                .doesNotContain("ca.key")
                .contains("ca.crt");
        JsonNode issuer = overlay.ofKind("Issuer")
                .filter(i -> secret.equals(i.at("/spec/ca/secretName").asText()))
                .findFirst()
                .orElse(null);
        if (issuer != null) {
            return name(issuer);
        }
        return certificateFor(overlay, secret).at("/spec/issuerRef/name").asText();
    }

    /** The Secret mounted where a file path lies, in a Deployment (or a pod spec). */
    private static String mountedSecret(JsonNode podOwner, JsonNode container, String path) {
        return volumeOf(podOwner, container, path).at("/secret/secretName").asText();
    }

    private static JsonNode volumeOf(JsonNode podOwner, JsonNode container, String path) {
        assertThat(path).as("a file path").isNotBlank();
        JsonNode mount = list(container.path("volumeMounts")).stream()
                .filter(m -> path.startsWith(m.path("mountPath").asText() + "/"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("nothing is mounted at " + path));
        JsonNode spec =
                podOwner.has("spec") && podOwner.at("/spec/template/spec").isObject()
                        ? podOwner.at("/spec/template/spec")
                        : podOwner;
        JsonNode volume = list(spec.path("volumes")).stream()
                .filter(v -> v.path("name").asText().equals(mount.path("name").asText()))
                .findFirst()
                .orElseThrow();
        String file = path.substring(mount.path("mountPath").asText().length() + 1);
        assertThat(list(volume.at("/secret/items")))
                .extracting(item -> item.path("path").asText())
                .as("the volume %s holds %s", volume.path("name").asText(), file)
                .contains(file);
        return volume;
    }

    /** A container's environment variable: its value, or the ConfigMap key it reads. */
    private static String env(Overlay overlay, JsonNode container, String name) {
        JsonNode variable = list(container.path("env")).stream()
                .filter(e -> name.equals(e.path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no " + name + " in " + container.path("name").asText()));
        if (variable.has("value")) {
            return variable.path("value").asText();
        }
        JsonNode ref = variable.at("/valueFrom/configMapKeyRef");
        return overlay.get("ConfigMap", ref.path("name").asText())
                .at("/data/" + ref.path("key").asText())
                .asText();
    }
}
