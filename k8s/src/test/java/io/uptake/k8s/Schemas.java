package io.uptake.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.util.List;
import java.util.Map;

/**
 * Strict checks of one rendered document against the schema of its kind.
 *
 * <p>Kubernetes' own kinds, Strimzi's and the Prometheus Operator's are read into their published Java
 * models (fabric8's kubernetes-model, Strimzi's io.strimzi:api, fabric8's openshift-model-monitoring)
 * with every unknown property an error: those models keep unknown properties in an "any setter" map,
 * which this mapper switches off. CloudNativePG's and the Keycloak Operator's resources have no
 * model on Maven Central; they are checked against the CRD schema subsets in
 * src/test/resources/crd-schemas (see the README there), and the realm of a KeycloakRealmImport is
 * read strictly into Keycloak's own RealmRepresentation.
 */
final class Schemas {

    /** Reads into a model and fails on any property the model does not declare. */
    static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .annotationIntrospector(new NoAnySetter())
            .build();

    /** apiVersion/kind to the published model class. */
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("v1/Secret", io.fabric8.kubernetes.api.model.Secret.class),
            Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry(
                    "policy/v1/PodDisruptionBudget",
                    io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry(
                    "autoscaling/v2/HorizontalPodAutoscaler",
                    io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            Map.entry(
                    "networking.k8s.io/v1/NetworkPolicy",
                    io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
            Map.entry(
                    "monitoring.coreos.com/v1/ServiceMonitor",
                    io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor.class),
            // Strimzi 0.50 serves kafka.strimzi.io/v1 and deprecates v1beta2: only v1 is accepted here.
            Map.entry("kafka.strimzi.io/v1/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class));

    /** apiVersion/kind to a CRD schema file under crd-schemas/. */
    static final Map<String, String> CRD_SCHEMAS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", "cnpg-cluster-v1.yaml",
            "postgresql.cnpg.io/v1/Database", "cnpg-database-v1.yaml",
            "k8s.keycloak.org/v2alpha1/Keycloak", "keycloak-v2alpha1.yaml",
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", "keycloakrealmimport-v2alpha1.yaml",
            "cert-manager.io/v1/Certificate", "certmanager-certificate-v1.yaml",
            "cert-manager.io/v1/Issuer", "certmanager-issuer-v1.yaml");

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    private Schemas() {}

    static String typeOf(JsonNode doc) {
        return doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
    }

    /** The problems of one document; empty when it matches the schema of its kind. */
    static List<String> problems(JsonNode doc) {
        String type = typeOf(doc);
        if (MODELS.containsKey(type)) {
            try {
                STRICT.treeToValue(doc, MODELS.get(type));
                return List.of();
            } catch (IOException | IllegalArgumentException e) {
                return List.of(e.getMessage().lines().findFirst().orElse(e.toString()));
            }
        }
        if (CRD_SCHEMAS.containsKey(type)) {
            List<String> errors = crdSchema(CRD_SCHEMAS.get(type)).validate(doc).stream()
                    .map(Object::toString)
                    .toList();
            if (errors.isEmpty()
                    && "KeycloakRealmImport".equals(doc.path("kind").asText())) {
                try {
                    STRICT.treeToValue(
                            doc.path("spec").path("realm"), org.keycloak.representations.idm.RealmRepresentation.class);
                } catch (IOException | IllegalArgumentException e) {
                    return List.of(
                            "spec.realm: " + e.getMessage().lines().findFirst().orElse(e.toString()));
                }
            }
            return errors;
        }
        return List.of("no published schema known for " + type + ": add its model or CRD schema to Schemas");
    }

    static Schema crdSchema(String file) {
        try (InputStream in = Schemas.class.getResourceAsStream("/crd-schemas/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing crd-schemas/" + file);
            }
            return REGISTRY.getSchema(in, InputFormat.YAML);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Jackson's introspector, less @JsonAnySetter: an undeclared property can no longer hide in a map. */
    private static final class NoAnySetter extends JacksonAnnotationIntrospector {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public Boolean hasAnySetter(Annotated a) {
            return Boolean.FALSE;
        }
    }
}
