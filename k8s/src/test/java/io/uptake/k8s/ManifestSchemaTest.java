package io.uptake.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both overlays render, and every rendered document matches the published schema of its kind. */
class ManifestSchemaTest {

    private static final Set<String> EXPECTED_KINDS = Set.of(
            "ConfigMap",
            "Deployment",
            "Service",
            "PodDisruptionBudget",
            "HorizontalPodAutoscaler",
            "Ingress",
            "NetworkPolicy",
            "ServiceMonitor",
            "Kafka",
            "KafkaNodePool",
            "KafkaTopic",
            "Cluster",
            "Database",
            "Keycloak",
            "KeycloakRealmImport",
            "Certificate",
            "Issuer");

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void rendersEveryKindInItsNamespace(Overlay overlay) {
        assertThat(overlay.documents()).isNotEmpty();
        assertThat(overlay.documents().stream()
                        .map(doc -> doc.path("kind").asText())
                        .collect(Collectors.toSet()))
                .containsAll(EXPECTED_KINDS);
        assertThat(overlay.documents()).allSatisfy(doc -> {
            assertThat(doc.path("metadata").path("name").asText())
                    .as(Schemas.typeOf(doc))
                    .isNotBlank();
            assertThat(doc.path("metadata").path("namespace").asText())
                    .as(
                            "namespace of %s %s",
                            doc.path("kind").asText(),
                            doc.path("metadata").path("name").asText())
                    .isEqualTo(overlay.namespace);
        });
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyDocumentMatchesThePublishedSchemaOfItsKind(Overlay overlay) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (JsonNode doc : overlay.documents()) {
            List<String> found = Schemas.problems(doc);
            if (!found.isEmpty()) {
                problems.put(
                        Schemas.typeOf(doc) + " "
                                + doc.path("metadata").path("name").asText(),
                        found);
            }
        }
        assertThat(problems).as("schema problems in overlay %s", overlay.folder).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void noTwoDocumentsShareKindAndName(Overlay overlay) {
        assertThat(overlay.documents().stream()
                        .map(doc -> Schemas.typeOf(doc) + " "
                                + doc.path("metadata").path("name").asText()))
                .doesNotHaveDuplicates();
    }

    // The checks themselves must be able to fail: a misspelt field in each family of schema.

    @Test
    void aMisspeltFieldDeepInADeploymentFails() {
        ObjectNode deployment = Overlay.PROD.get("Deployment", "gateway").deepCopy();
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0")).put("readinesProbe", "typo");
        assertThat(Schemas.problems(deployment)).singleElement().asString().contains("readinesProbe");
    }

    @Test
    void aMisspeltFieldInAStrimziResourceFails() {
        ObjectNode topic = Overlay.PROD.get("KafkaTopic", "uptake-people").deepCopy();
        ((ObjectNode) topic.at("/spec")).put("partition", 3);
        assertThat(Schemas.problems(topic)).singleElement().asString().contains("partition");
        ObjectNode pool = Overlay.PROD.get("KafkaNodePool", "dual-role").deepCopy();
        ((ObjectNode) pool.at("/spec/storage/volumes/0")).put("kraftMetadataa", "shared");
        assertThat(Schemas.problems(pool)).singleElement().asString().contains("kraftMetadataa");
    }

    @Test
    void aMisspeltFieldInAServiceMonitorFails() {
        ObjectNode monitor = Overlay.PROD.get("ServiceMonitor", "gateway").deepCopy();
        ((ObjectNode) monitor.at("/spec/endpoints/0")).put("paths", "/q/metrics");
        assertThat(Schemas.problems(monitor)).singleElement().asString().contains("paths");
    }

    @Test
    void aMisspeltFieldInCloudNativePgOrKeycloakFails() {
        ObjectNode cluster = Overlay.PROD.get("Cluster", "uptake-pg").deepCopy();
        ((ObjectNode) cluster.at("/spec/managed/roles/0")).put("passwordSecrets", "x");
        assertThat(Schemas.problems(cluster))
                .isNotEmpty()
                .anySatisfy(p -> assertThat(p).contains("passwordSecrets"));
        ObjectNode keycloak = Overlay.PROD.get("Keycloak", "uptake-keycloak").deepCopy();
        ((ObjectNode) keycloak.at("/spec/db")).put("hostname", "x");
        assertThat(Schemas.problems(keycloak))
                .isNotEmpty()
                .anySatisfy(p -> assertThat(p).contains("hostname"));
        ObjectNode realmImport =
                Overlay.PROD.get("KeycloakRealmImport", "uptake-realm").deepCopy();
        ((ObjectNode) realmImport.at("/spec/realm/clients/0")).put("redirectUri", "x");
        assertThat(Schemas.problems(realmImport)).singleElement().asString().contains("redirectUri");
    }

    @Test
    void aKindWithoutAKnownSchemaFails() {
        ObjectNode job =
                Overlay.YAML.createObjectNode().put("apiVersion", "batch/v1").put("kind", "CronJob");
        assertThat(Schemas.problems(job)).singleElement().asString().contains("no published schema");
        ObjectNode oldKafka = Overlay.PROD.get("Kafka", "uptake-kafka").deepCopy();
        oldKafka.put("apiVersion", "kafka.strimzi.io/v1beta2");
        assertThat(Schemas.problems(oldKafka)).singleElement().asString().contains("no published schema");
    }
}
