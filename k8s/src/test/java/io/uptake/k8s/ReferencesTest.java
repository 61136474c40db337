package io.uptake.k8s;

import static io.uptake.k8s.Workloads.containers;
import static io.uptake.k8s.Workloads.list;
import static io.uptake.k8s.Workloads.map;
import static io.uptake.k8s.Workloads.name;
import static io.uptake.k8s.Workloads.podLabels;
import static io.uptake.k8s.Workloads.selects;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every name a manifest refers to exists: pods behind Services, ConfigMaps and Secrets, images. */
class ReferencesTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyServiceSelectsAPodTemplateAndOneOfItsPorts(Overlay overlay) {
        overlay.ofKind("Service").forEach(service -> {
            Map<String, String> selector = map(service.at("/spec/selector"));
            List<JsonNode> selected = overlay.ofKind("Deployment")
                    .filter(d -> selects(selector, podLabels(d)))
                    .toList();
            assertThat(selected)
                    .as("pod templates selected by Service %s", name(service))
                    .isNotEmpty();
            Set<String> portNames = selected.stream()
                    .flatMap(d -> containers(d).stream())
                    .flatMap(c -> list(c.path("ports")).stream())
                    .flatMap(p -> java.util.stream.Stream.of(
                            p.path("name").asText(), p.path("containerPort").asText()))
                    .collect(Collectors.toSet());
            assertThat(list(service.at("/spec/ports")))
                    .allSatisfy(port -> assertThat(portNames)
                            .as("targetPort of Service %s", name(service))
                            .contains(port.path("targetPort").asText()));
        });
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyConfigMapReferenceNamesARenderedConfigMapAndKey(Overlay overlay) {
        Map<String, Set<String>> rendered = new TreeMap<>();
        overlay.ofKind("ConfigMap")
                .forEach(cm -> rendered.put(name(cm), map(cm.path("data")).keySet()));
        overlay.ofKind("Deployment").flatMap(d -> containers(d).stream()).forEach(container -> {
            list(container.path("env")).stream()
                    .map(e -> e.at("/valueFrom/configMapKeyRef"))
                    .filter(r -> !r.isMissingNode())
                    .forEach(ref -> assertThat(
                                    rendered.getOrDefault(ref.path("name").asText(), Set.of()))
                            .as(
                                    "ConfigMap %s key %s",
                                    ref.path("name").asText(), ref.path("key").asText())
                            .contains(ref.path("key").asText()));
            list(container.path("envFrom")).stream()
                    .map(e -> e.path("configMapRef"))
                    .filter(r -> !r.isMissingNode())
                    .forEach(ref ->
                            assertThat(rendered).containsKey(ref.path("name").asText()));
        });
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everySecretReferenceIsRenderedOrListedAsRequiredWithItsKey(Overlay overlay) {
        Map<String, Set<String>> known = requiredSecrets();
        overlay.ofKind("Secret")
                .forEach(secret ->
                        known.put(name(secret), map(secret.path("data")).keySet()));
        // made by Strimzi's operators: a Secret per KafkaUser, and the cluster CA's certificate
        overlay.ofKind("KafkaUser").forEach(user -> known.put(name(user), Set.of("password", "sasl.jaas.config")));
        overlay.ofKind("Kafka")
                .forEach(kafka ->
                        known.put(name(kafka) + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password")));
        // made by cert-manager (a Secret per Certificate, with its issuer's CA) and CloudNativePG (the cluster's CA)
        overlay.ofKind("Certificate")
                .forEach(certificate ->
                        known.put(certificate.at("/spec/secretName").asText(), Set.of("tls.crt", "tls.key", "ca.crt")));
        overlay.ofKind("Cluster").forEach(cluster -> known.put(name(cluster) + "-ca", Set.of("ca.crt", "ca.key")));
        List<String[]> references = secretReferences(overlay);
        assertThat(references)
                .isNotEmpty()
                .allSatisfy(ref -> assertThat(known.getOrDefault(ref[0], Set.of()))
                        .as("Secret %s (key %s), referred to by %s", ref[0], ref[1], ref[2])
                        .contains(ref[1]));
        assertThat(references.stream().map(ref -> ref[0]).collect(Collectors.toSet()))
                .as("k8s/required-secrets.txt lists only Secrets still referred to")
                .containsAll(requiredSecrets().keySet());
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyImageIsOneTheBuildProduces(Overlay overlay) {
        Map<String, String> produced = new TreeMap<>();
        for (String app : Repo.APPS) {
            assertThat(Repo.pom(app))
                    .as("%s builds its image with Jib", app)
                    .contains("<artifactId>quarkus-container-image-jib</artifactId>");
            Map<String, String> props = Repo.prodProperties(app);
            String registry = props.containsKey("quarkus.container-image.registry")
                    ? props.get("quarkus.container-image.registry") + "/"
                    : "";
            String tag = props.getOrDefault("quarkus.container-image.tag", Repo.projectVersion(app));
            produced.put(
                    app,
                    registry + props.get("quarkus.container-image.group") + "/"
                            + props.getOrDefault("quarkus.container-image.name", app) + ":" + tag);
        }
        overlay.ofKind("Deployment")
                .forEach(deployment -> assertThat(containers(deployment))
                        .allSatisfy(
                                container -> assertThat(container.path("image").asText())
                                        .as("image of %s", name(deployment))
                                        .isEqualTo(produced.get(name(deployment)))));
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void onlyTheGatewayAndKeycloaksLoginAreExposedByAnIngressNeverItsAdminConsole(Overlay overlay) {
        List<JsonNode> paths = overlay.ofKind("Ingress")
                .flatMap(ingress -> list(ingress.at("/spec/rules")).stream())
                .flatMap(rule -> list(rule.at("/http/paths")).stream())
                .toList();
        assertThat(paths)
                .extracting(path -> path.at("/backend/service/name").asText())
                .isNotEmpty()
                .containsOnly("gateway", "uptake-keycloak-service");
        assertThat(paths)
                .filteredOn(path -> path.at("/backend/service/name").asText().equals("uptake-keycloak-service"))
                .extracting(path -> path.path("path").asText())
                .as("Keycloak: the uptake realm's endpoints and the login pages' files only, so /admin and the"
                        + " master realm have no route")
                .containsExactlyInAnyOrder("/realms/uptake/", "/resources/");
        assertThat(overlay.get("Keycloak", "uptake-keycloak")
                        .at("/spec/ingress/enabled")
                        .asBoolean(true))
                .as("Keycloak's operator makes no Ingress of its own (it would publish /admin)")
                .isFalse();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void noIngressPathReachesTheManagementOrApiDocumentPaths(Overlay overlay) {
        List<JsonNode> paths = overlay.ofKind("Ingress")
                .flatMap(ingress -> list(ingress.at("/spec/rules")).stream())
                .flatMap(rule -> list(rule.at("/http/paths")).stream())
                .toList();
        for (String hidden : List.of(
                "/q/metrics",
                "/q/health/ready",
                "/q/openapi",
                "/q/swagger-ui/",
                "/openapi",
                "/admin/",
                "/admin/master/console/",
                "/realms/master/protocol/openid-connect/token",
                "/realms/master/protocol/openid-connect/auth")) {
            assertThat(paths).as("an Ingress path routes %s", hidden).noneMatch(path -> routes(path, hidden));
        }
        for (String open : List.of(
                "/",
                "/api/metrics/actions",
                "/v1/batch",
                "/web/",
                "/web/adoption",
                "/static/bundle/app.js",
                "/signed-out",
                "/realms/uptake/protocol/openid-connect/token",
                "/resources/login.css")) {
            assertThat(paths).as("an Ingress path routes %s", open).anyMatch(path -> routes(path, open));
        }
    }

    /** Whether an Ingress path (Exact, or Prefix by whole path elements) matches a request path. */
    private static boolean routes(JsonNode ingressPath, String request) {
        String path = ingressPath.path("path").asText();
        if (ingressPath.path("pathType").asText().equals("Exact")) {
            return request.equals(path);
        }
        String prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return request.equals(prefix) || request.startsWith(prefix + "/");
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theServicesAcceptTrafficOnlyFromTheGatewayAndPrometheus(Overlay overlay) {
        JsonNode deny = overlay.get("NetworkPolicy", "uptake-default-deny");
        assertThat(list(deny.at("/spec/policyTypes")))
                .extracting(JsonNode::asText)
                .contains("Ingress");
        assertThat(deny.at("/spec/ingress").size()).isZero();
        for (String app : List.of("metrics-service", "feedback-service", "training-service")) {
            Map<String, String> labels = podLabels(overlay.get("Deployment", app));
            assertThat(selects(map(deny.at("/spec/podSelector/matchLabels")), labels))
                    .as("default deny covers %s", app)
                    .isTrue();
            List<JsonNode> peers = overlay.ofKind("NetworkPolicy")
                    .filter(np -> selects(map(np.at("/spec/podSelector/matchLabels")), labels))
                    .flatMap(np -> list(np.at("/spec/ingress")).stream())
                    .flatMap(rule -> list(rule.path("from")).stream())
                    .toList();
            assertThat(peers).as("who may reach %s", app).isNotEmpty().allSatisfy(peer -> {
                assertThat(peer.has("ipBlock")).isFalse();
                if (peer.has("namespaceSelector")) {
                    assertThat(map(peer.at("/namespaceSelector/matchLabels")))
                            .containsEntry("kubernetes.io/metadata.name", "monitoring");
                    assertThat(map(peer.at("/podSelector/matchLabels")))
                            .containsEntry("app.kubernetes.io/name", "prometheus");
                } else {
                    assertThat(map(peer.at("/podSelector/matchLabels")))
                            .isEqualTo(Map.of("app.kubernetes.io/name", "gateway"));
                }
            });
        }
    }

    /** Issue 27, medium 6: the admin console shares Keycloak's HTTP port, so that port admits only its real clients. */
    @ParameterizedTest
    @EnumSource(Overlay.class)
    void keycloakAdmitsTheIngressControllerAndTheAppsOnHttpsPrometheusOnManagementAndItselfOnItsCachePorts(
            Overlay overlay) {
        Map<String, String> keycloakPods = Map.of("app.kubernetes.io/instance", "uptake-keycloak");
        List<JsonNode> policies = overlay.ofKind("NetworkPolicy")
                .filter(np -> selects(map(np.at("/spec/podSelector/matchLabels")), keycloakPods))
                .toList();
        assertThat(policies).as("a NetworkPolicy covers Keycloak").isNotEmpty();
        Map<Integer, Set<String>> peersByPort = new TreeMap<>();
        for (JsonNode policy : policies) {
            assertThat(list(policy.at("/spec/policyTypes")))
                    .extracting(JsonNode::asText)
                    .contains("Ingress");
            for (JsonNode rule : list(policy.at("/spec/ingress"))) {
                List<JsonNode> ports = list(rule.path("ports"));
                List<JsonNode> from = list(rule.path("from"));
                assertThat(ports).as("every rule names its ports").isNotEmpty();
                assertThat(from).as("every rule names its peers").isNotEmpty();
                for (JsonNode port : ports) {
                    assertThat(port.path("port").isInt()).as("ports by number").isTrue();
                    for (JsonNode peer : from) {
                        assertThat(peer.has("ipBlock")).isFalse();
                        peersByPort
                                .computeIfAbsent(port.path("port").asInt(), p -> new java.util.TreeSet<>())
                                .add(peer(peer));
                    }
                }
            }
        }
        assertThat(peersByPort)
                .containsOnlyKeys(8443, 9000, 7800, 57800)
                .containsEntry(
                        8443,
                        Set.of(
                                "namespace ingress-nginx",
                                "pod gateway",
                                "pod metrics-service",
                                "pod feedback-service",
                                "pod training-service"))
                .containsEntry(9000, Set.of("namespace monitoring, pod prometheus"))
                .containsEntry(7800, Set.of("pod uptake-keycloak"))
                .containsEntry(57800, Set.of("pod uptake-keycloak"));
    }

    /** Issue 27, low 7: whatever the webhook guard lets through, the network takes feedback-service nowhere inside. */
    @ParameterizedTest
    @EnumSource(Overlay.class)
    void feedbackServiceReachesItsOwnBackendsAndThePublicInternetOnHttpsOnly(Overlay overlay) {
        Map<String, String> feedbackPods = podLabels(overlay.get("Deployment", "feedback-service"));
        List<JsonNode> rules = overlay.ofKind("NetworkPolicy")
                .filter(np -> selects(map(np.at("/spec/podSelector/matchLabels")), feedbackPods))
                .filter(np -> list(np.at("/spec/policyTypes")).stream()
                        .anyMatch(type -> type.asText().equals("Egress")))
                .flatMap(np -> list(np.at("/spec/egress")).stream())
                .toList();
        assertThat(rules).as("an egress policy covers feedback-service").isNotEmpty();
        Map<String, Set<Integer>> portsByPeer = new TreeMap<>();
        for (JsonNode rule : rules) {
            List<JsonNode> ports = list(rule.path("ports"));
            assertThat(ports).as("every egress rule names its ports").isNotEmpty();
            assertThat(list(rule.path("to")))
                    .as("every egress rule names where to")
                    .isNotEmpty();
            for (JsonNode to : list(rule.path("to"))) {
                String where =
                        to.has("ipBlock") ? "internet " + to.at("/ipBlock/cidr").asText() : peer(to);
                if (to.has("ipBlock")) {
                    assertThat(list(to.at("/ipBlock/except")))
                            .extracting(JsonNode::asText)
                            .as("the internet, less every internal range")
                            .containsAnyOf("10.0.0.0/8", "fc00::/7");
                    if (to.at("/ipBlock/cidr").asText().contains(".")) {
                        assertThat(list(to.at("/ipBlock/except")))
                                .extracting(JsonNode::asText)
                                .contains(
                                        "10.0.0.0/8",
                                        "172.16.0.0/12",
                                        "192.168.0.0/16",
                                        "169.254.0.0/16",
                                        "100.64.0.0/10",
                                        "127.0.0.0/8");
                    }
                }
                ports.forEach(port -> portsByPeer
                        .computeIfAbsent(where, w -> new java.util.TreeSet<>())
                        .add(port.path("port").asInt()));
            }
        }
        assertThat(portsByPeer)
                .containsOnlyKeys(
                        "namespace kube-system, pod kube-dns",
                        "pod uptake-kafka",
                        "pod uptake-pg",
                        "pod uptake-keycloak",
                        "namespace observability",
                        "internet 0.0.0.0/0",
                        "internet ::/0")
                .containsEntry("internet 0.0.0.0/0", Set.of(443))
                .containsEntry("internet ::/0", Set.of(443))
                .containsEntry("namespace kube-system, pod kube-dns", Set.of(53));
        JsonNode env = containers(overlay.get("Deployment", "feedback-service"))
                .getFirst()
                .path("env");
        assertThat(list(env))
                .as("the service knows its namespace, to refuse names under it")
                .anyMatch(variable -> variable.path("name").asText().equals("UPTAKE_WEBHOOKS_CLUSTER_NAMESPACE")
                        && variable.at("/valueFrom/fieldRef/fieldPath").asText().equals("metadata.namespace"));
    }

    /** A NetworkPolicy peer in words: its namespace and pod names. */
    private static String peer(JsonNode peer) {
        List<String> parts = new ArrayList<>();
        if (peer.has("namespaceSelector")) {
            assertThat(map(peer.at("/namespaceSelector/matchLabels"))).containsOnlyKeys("kubernetes.io/metadata.name");
            parts.add("namespace "
                    + peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name")
                            .asText());
        }
        if (peer.has("podSelector")) {
            Map<String, String> labels = map(peer.at("/podSelector/matchLabels"));
            assertThat(labels).hasSize(1);
            parts.add("pod " + labels.values().iterator().next());
        }
        return String.join(", ", parts);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theDatabaseAcceptsOnlyItsOwnServicesAndEachRoleOnlyItsOwnDatabase(Overlay overlay) {
        Map<String, String> pgPods = Map.of("cnpg.io/cluster", "uptake-pg");
        List<JsonNode> rules = overlay.ofKind("NetworkPolicy")
                .filter(np -> selects(map(np.at("/spec/podSelector/matchLabels")), pgPods))
                .flatMap(np -> list(np.at("/spec/ingress")).stream())
                .toList();
        List<Map<String, String>> postgresClients = rules.stream()
                .filter(rule -> list(rule.path("ports")).stream()
                        .anyMatch(p -> p.path("port").asInt() == 5432))
                .flatMap(rule -> list(rule.path("from")).stream())
                .peek(peer -> assertThat(peer.has("namespaceSelector") || peer.has("ipBlock"))
                        .as("5432 from this namespace's pods only")
                        .isFalse())
                .map(peer -> map(peer.at("/podSelector/matchLabels")))
                .toList();
        assertThat(postgresClients)
                .containsExactlyInAnyOrder(
                        Map.of("app.kubernetes.io/name", "metrics-service"),
                        Map.of("app.kubernetes.io/name", "feedback-service"),
                        Map.of("app.kubernetes.io/name", "training-service"),
                        Map.of("app.kubernetes.io/instance", "uptake-keycloak"),
                        pgPods);
        JsonNode cluster = overlay.get("Cluster", "uptake-pg");
        List<String> hba = list(cluster.at("/spec/postgresql/pg_hba")).stream()
                .map(JsonNode::asText)
                .toList();
        List<String> databases = overlay.ofKind("Database")
                .map(db -> db.at("/spec/name").asText())
                .toList();
        assertThat(databases).containsExactlyInAnyOrder("metrics", "feedback", "training", "keycloak");
        overlay.ofKind("Database").forEach(db -> {
            String database = db.at("/spec/name").asText();
            assertThat(db.at("/spec/owner").asText()).isEqualTo(database);
            assertThat(hba).contains("hostssl " + database + " " + database + " all scram-sha-256");
        });
        String[] last = hba.getLast().split("\\s+");
        assertThat(last).as("the last pg_hba rule refuses every other role").hasSize(5);
        assertThat(List.of(last[0], last[2], last[3], last[4])).containsExactly("host", "all", "all", "reject");
        assertThat(last[1].split(",")).containsExactlyInAnyOrderElementsOf(databases);
    }

    @Test
    void theRequiredSecretsFileParses() {
        assertThat(requiredSecrets()).containsKeys("uptake-pg-metrics", "uptake-crm-ingest");
    }

    /** name, key, referrer of every Secret the rendered manifests read. */
    static List<String[]> secretReferences(Overlay overlay) {
        List<String[]> refs = new ArrayList<>();
        overlay.ofKind("Deployment")
                .forEach(d -> containers(d).forEach(c -> {
                    list(c.path("env")).stream()
                            .map(e -> e.at("/valueFrom/secretKeyRef"))
                            .filter(r -> !r.isMissingNode())
                            .forEach(r -> refs.add(new String[] {
                                r.path("name").asText(), r.path("key").asText(), "Deployment " + name(d)
                            }));
                    list(d.at("/spec/template/spec/volumes")).stream()
                            .map(v -> v.path("secret"))
                            .filter(s -> !s.isMissingNode())
                            .forEach(s -> list(s.path("items"))
                                    .forEach(item -> refs.add(new String[] {
                                        s.path("secretName").asText(),
                                        item.path("key").asText(),
                                        "Deployment " + name(d)
                                    })));
                    list(c.path("envFrom")).stream()
                            .map(e -> e.path("secretRef"))
                            .filter(r -> !r.isMissingNode())
                            .forEach(
                                    r -> refs.add(new String[] {r.path("name").asText(), "", "Deployment " + name(d)}));
                }));
        overlay.ofKind("Cluster").forEach(c -> {
            JsonNode initdb = c.at("/spec/bootstrap/initdb/secret/name");
            if (!initdb.isMissingNode()) {
                refs.add(new String[] {initdb.asText(), "username", "Cluster initdb"});
                refs.add(new String[] {initdb.asText(), "password", "Cluster initdb"});
            }
            list(c.at("/spec/managed/roles")).forEach(role -> {
                refs.add(new String[] {
                    role.at("/passwordSecret/name").asText(),
                    "username",
                    "role " + role.path("name").asText()
                });
                refs.add(new String[] {
                    role.at("/passwordSecret/name").asText(),
                    "password",
                    "role " + role.path("name").asText()
                });
            });
        });
        overlay.ofKind("Keycloak").forEach(k -> {
            for (String field : List.of("usernameSecret", "passwordSecret")) {
                JsonNode ref = k.at("/spec/db/" + field);
                refs.add(
                        new String[] {ref.path("name").asText(), ref.path("key").asText(), "Keycloak db." + field});
            }
        });
        overlay.ofKind("KeycloakRealmImport")
                .forEach(r -> r.at("/spec/placeholders")
                        .forEach(p -> refs.add(new String[] {
                            p.at("/secret/name").asText(), p.at("/secret/key").asText(), "realm import placeholder"
                        })));
        overlay.ofKind("Ingress")
                .forEach(i -> list(i.at("/spec/tls")).forEach(tls -> {
                    refs.add(new String[] {tls.path("secretName").asText(), "tls.crt", "Ingress " + name(i)});
                    refs.add(new String[] {tls.path("secretName").asText(), "tls.key", "Ingress " + name(i)});
                }));
        return refs;
    }

    /** k8s/required-secrets.txt: name to keys. */
    static Map<String, Set<String>> requiredSecrets() {
        Map<String, Set<String>> secrets = new TreeMap<>();
        Repo.read(Repo.K8S.resolve("required-secrets.txt"))
                .lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.trim().split("\\s+"))
                .forEach(fields -> secrets.put(fields[0], new HashSet<>(List.of(fields[1].split(",")))));
        return secrets;
    }
}
