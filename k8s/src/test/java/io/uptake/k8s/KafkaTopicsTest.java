package io.uptake.k8s;

import static io.uptake.k8s.Workloads.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every topic the code uses has a KafkaTopic, as dev/kafka/topics.txt declares it locally. */
class KafkaTopicsTest {

    private static final Pattern TOPIC_KEY = Pattern.compile(
            "^(uptake\\.topics\\..+|mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.topic|mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic)$");

    /** The topics the four apps use in production: their uptake.topics.* names, channel topics and dead-letter topics. */
    static Set<String> topicsTheCodeUses() {
        Set<String> topics = new TreeSet<>();
        for (String app : Repo.APPS) {
            Map<String, String> props = Repo.prodProperties(app);
            props.forEach((key, value) -> {
                if (TOPIC_KEY.matcher(key).matches()) {
                    topics.add(Repo.resolve(value, props));
                }
            });
        }
        return topics;
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyTopicTheCodeUsesHasAKafkaTopic(Overlay overlay) {
        Set<String> declared = overlay.ofKind("KafkaTopic")
                .map(t -> t.at("/spec/topicName").asText())
                .collect(Collectors.toSet());
        assertThat(topicsTheCodeUses())
                .isNotEmpty()
                .contains("uptake.usage-events")
                .allSatisfy(topic ->
                        assertThat(declared).as("KafkaTopic for %s", topic).contains(topic));
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyLocalTopicIsDeclaredWithAtLeastItsPartitionsAndItsConfigs(Overlay overlay) {
        assertThat(Repo.localTopics()).isNotEmpty().allSatisfy(local -> {
            JsonNode topic = overlay.ofKind("KafkaTopic")
                    .filter(t -> t.at("/spec/topicName").asText().equals(local.name()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no KafkaTopic for " + local.name()));
            assertThat(topic.at("/metadata/labels/strimzi.io~1cluster").asText())
                    .isEqualTo("uptake-kafka");
            assertThat(topic.at("/spec/partitions").asInt())
                    .as("partitions of %s", local.name())
                    .isGreaterThanOrEqualTo(local.partitions());
            local.configs()
                    .forEach((key, value) -> assertThat(
                                    topic.at("/spec/config").path(key).asText())
                            .as("%s of %s", key, local.name())
                            .isEqualTo(value));
            if (!"compact".equals(local.configs().get("cleanup.policy"))) {
                assertThat(topic.at("/spec/config/retention.ms").asLong())
                        .as("retention of %s", local.name())
                        .isPositive();
            }
        });
        assertThat(overlay.ofKind("KafkaTopic")
                        .filter(t -> t.at("/spec/topicName").asText().equals("uptake.people"))
                        .map(t -> t.at("/spec/config/cleanup.policy").asText()))
                .containsExactly("compact");
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void replicationFitsTheBrokersAndSurvivesOneLossInProd(Overlay overlay) {
        int brokers = overlay.ofKind("KafkaNodePool")
                .filter(pool -> list(pool.at("/spec/roles")).stream()
                        .anyMatch(r -> r.asText().equals("broker")))
                .mapToInt(pool -> pool.at("/spec/replicas").asInt())
                .sum();
        assertThat(overlay.ofKind("KafkaTopic")).allSatisfy(topic -> {
            int replicas = topic.at("/spec/replicas").asInt();
            int minIsr = topic.at("/spec/config/min.insync.replicas").asInt(1);
            assertThat(replicas)
                    .as("replicas of %s", topic.at("/spec/topicName").asText())
                    .isBetween(1, brokers);
            assertThat(minIsr).isLessThanOrEqualTo(replicas);
            if (overlay == Overlay.PROD) {
                assertThat(replicas).isEqualTo(3);
                assertThat(minIsr)
                        .as("acks=all still succeeds with one broker down")
                        .isEqualTo(2);
            }
        });
    }

    /**
     * The scale-out rule of metrics-service: each replica runs `usage-events-in.partitions` consumer
     * threads in one consumer group, so replicas x threads must not exceed the topic's partitions.
     */
    @ParameterizedTest
    @EnumSource(Overlay.class)
    void metricsServiceConsumersNeverOutnumberTheUsageEventPartitions(Overlay overlay) {
        Map<String, String> props = Repo.prodProperties("metrics-service");
        int threads = Integer.parseInt(props.getOrDefault("mp.messaging.incoming.usage-events-in.partitions", "1"));
        String topic = Repo.resolve(props.get("mp.messaging.incoming.usage-events-in.topic"), props);
        int partitions = overlay.ofKind("KafkaTopic")
                .filter(t -> t.at("/spec/topicName").asText().equals(topic))
                .mapToInt(t -> t.at("/spec/partitions").asInt())
                .findFirst()
                .orElseThrow();
        int maxReplicas = overlay.get("HorizontalPodAutoscaler", "metrics-service")
                .at("/spec/maxReplicas")
                .asInt();
        assertThat(maxReplicas * threads)
                .as("consumers of %s at full scale", topic)
                .isLessThanOrEqualTo(partitions);
    }
}
