package io.uptake.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic of the real Kafka from its start, as any other consumer would, in a group of its own. */
public final class TopicReader {

    private TopicReader() {}

    /** Reads until, for each of {@code parts}, a record whose value contains it has come (60 s at most); returns those records. */
    public static List<ConsumerRecord<String, String>> awaitContaining(
            String bootstrapServers, String topic, String... parts) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "topic-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await("records on " + topic + " holding " + List.of(parts))
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> {
                        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                            if (record.value() != null
                                    && List.of(parts).stream().anyMatch(record.value()::contains)) {
                                found.add(record);
                            }
                        }
                        return List.of(parts).stream()
                                .allMatch(part -> found.stream()
                                        .anyMatch(record -> record.value().contains(part)));
                    });
        }
        return found;
    }
}
