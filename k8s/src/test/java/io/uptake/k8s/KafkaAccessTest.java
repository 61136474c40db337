package io.uptake.k8s;

import static io.uptake.k8s.Workloads.containers;
import static io.uptake.k8s.Workloads.list;
import static io.uptake.k8s.Workloads.name;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kafka in k8s/ takes only TLS connections authenticated as a KafkaUser, and each service's ACLs grant
 * exactly what its own configuration uses: write on the topics it produces (and its dead-letter topics),
 * read on those it consumes, its consumer groups. So no service can forge another's records.
 */
class KafkaAccessTest {

    private static final List<String> SERVICES = List.of("metrics-service", "feedback-service", "training-service");
    private static final Pattern OUTGOING = Pattern.compile("^mp\\.messaging\\.outgoing\\.[^.]+\\.topic$");
    private static final Pattern DEAD_LETTERS =
            Pattern.compile("^mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic$");
    private static final Pattern INCOMING = Pattern.compile("^mp\\.messaging\\.incoming\\.[^.]+\\.topic$");
    private static final Pattern GROUPS = Pattern.compile("^mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id$");

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theBrokersListenOnlyWithTlsAndScramAndAuthoriseEveryRequest(Overlay overlay) {
        JsonNode kafka = overlay.get("Kafka", "uptake-kafka").at("/spec/kafka");
        assertThat(list(kafka.path("listeners"))).isNotEmpty().allSatisfy(listener -> {
            assertThat(listener.path("tls").asBoolean())
                    .as("listener %s uses TLS", listener.path("name"))
                    .isTrue();
            assertThat(listener.at("/authentication/type").asText()).isEqualTo("scram-sha-512");
        });
        assertThat(kafka.at("/authorization/type").asText()).isEqualTo("simple");
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void eachServiceConnectsAsItsOwnKafkaUserOverTls(Overlay overlay) {
        for (String service : SERVICES) {
            JsonNode container = containers(overlay.get("Deployment", service)).getFirst();
            Map<String, String> env = environment(overlay, container);
            assertThat(env)
                    .as(service)
                    .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM")
                    .containsEntry("KAFKA_SASL_JAAS_CONFIG", "secret " + service + "/sasl.jaas.config");
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).endsWith(":9093");
            assertThat(overlay.get("KafkaUser", service)
                            .at("/spec/authentication/type")
                            .asText())
                    .isEqualTo("scram-sha-512");
            String caFile = env.get("KAFKA_SSL_TRUSTSTORE_LOCATION");
            JsonNode pod = overlay.get("Deployment", service).at("/spec/template/spec");
            String mountedVolume = list(container.path("volumeMounts")).stream()
                    .filter(mount -> caFile.startsWith(mount.path("mountPath").asText() + "/"))
                    .map(mount -> mount.path("name").asText())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(service + " mounts no volume at " + caFile));
            assertThat(list(pod.path("volumes")))
                    .filteredOn(volume -> volume.path("name").asText().equals(mountedVolume))
                    .singleElement()
                    .satisfies(
                            volume -> assertThat(volume.at("/secret/secretName").asText())
                                    .isEqualTo("uptake-kafka-cluster-ca-cert"));
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void eachServiceMayWriteExactlyTheTopicsItProducesAndReadThoseItConsumes(Overlay overlay) {
        for (String service : SERVICES) {
            Map<String, String> props = Repo.prodProperties(service);
            Set<String> writes = resolved(props, OUTGOING, DEAD_LETTERS);
            Set<String> reads = resolved(props, INCOMING);
            JsonNode user = overlay.get("KafkaUser", service);
            assertThat(topicsWith(user, "Write")).as("%s writes", service).isEqualTo(writes);
            assertThat(topicsWith(user, "Read")).as("%s reads", service).isEqualTo(reads);
            List<String> groupPrefixes = list(user.at("/spec/authorization/acls")).stream()
                    .filter(acl -> acl.at("/resource/type").asText().equals("group"))
                    .peek(acl ->
                            assertThat(acl.at("/resource/patternType").asText()).isEqualTo("prefix"))
                    .map(acl -> acl.at("/resource/name").asText())
                    .toList();
            assertThat(groupPrefixes).as("%s's consumer groups", service).containsExactly(service + "-");
            assertThat(resolved(props, GROUPS))
                    .allSatisfy(group -> assertThat(group).startsWith(service + "-"));
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyTopicHasOneWriterAndOnlyMetricsServiceWritesThePeople(Overlay overlay) {
        Map<String, Set<String>> writers = new TreeMap<>();
        overlay.ofKind("KafkaUser")
                .forEach(user -> topicsWith(user, "Write")
                        .forEach(topic -> writers.computeIfAbsent(topic, t -> new TreeSet<>())
                                .add(name(user))));
        assertThat(writers)
                .allSatisfy((topic, users) -> assertThat(users).as(topic).hasSize(1));
        assertThat(writers.get("uptake.people")).containsExactly("metrics-service");
        assertThat(overlay.ofKind("KafkaUser").map(Workloads::name).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(SERVICES);
    }

    private static Set<String> topicsWith(JsonNode user, String operation) {
        return list(user.at("/spec/authorization/acls")).stream()
                .filter(acl -> acl.at("/resource/type").asText().equals("topic"))
                .peek(acl ->
                        assertThat(acl.at("/resource/patternType").asText()).isEqualTo("literal"))
                .filter(acl -> list(acl.path("operations")).stream()
                        .anyMatch(op -> op.asText().equals(operation)))
                .map(acl -> acl.at("/resource/name").asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @SafeVarargs
    private static Set<String> resolved(Map<String, String> props, Pattern... keys) {
        return props.entrySet().stream()
                .filter(entry -> java.util.Arrays.stream(keys)
                        .anyMatch(key -> key.matcher(entry.getKey()).matches()))
                .map(entry -> Repo.resolve(entry.getValue(), props))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The container's variables: literal values, ConfigMap values looked up, Secret keys as "secret name/key". */
    private static Map<String, String> environment(Overlay overlay, JsonNode container) {
        Map<String, String> env = new TreeMap<>();
        list(container.path("env")).forEach(variable -> {
            String name = variable.path("name").asText();
            if (variable.has("value")) {
                env.put(name, variable.path("value").asText());
            } else if (variable.at("/valueFrom/configMapKeyRef").isObject()) {
                JsonNode ref = variable.at("/valueFrom/configMapKeyRef");
                env.put(
                        name,
                        overlay.get("ConfigMap", ref.path("name").asText())
                                .at("/data/" + ref.path("key").asText())
                                .asText());
            } else if (variable.at("/valueFrom/secretKeyRef").isObject()) {
                JsonNode ref = variable.at("/valueFrom/secretKeyRef");
                env.put(
                        name,
                        "secret " + ref.path("name").asText() + "/"
                                + ref.path("key").asText());
            }
        });
        return env;
    }
}
