package io.uptake.testsupport;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a channel's dead-letter topic on the real Kafka, as an operator would, with the reason the connector wrote. */
public final class DeadLetters {

    /** A dead-lettered record: its key, its value as sent, and the reason (the {@code dead-letter-reason} header). */
    public record DeadLetter(String key, String value, String reason) {
    }

    private DeadLetters() {
    }

    /** Reads the topic from its start until, for each of {@code parts}, a record whose value contains it has come (60 s at most). */
    public static List<DeadLetter> awaitHolding(String bootstrapServers, String topic, String... parts) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<DeadLetter> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    for (String part : parts) {
                        if (record.value() != null && record.value().contains(part)) {
                            Header reason = record.headers().lastHeader("dead-letter-reason");
                            found.add(new DeadLetter(record.key(), record.value(),
                                    reason == null ? null : new String(reason.value(), StandardCharsets.UTF_8)));
                        }
                    }
                }
                return List.of(parts).stream().allMatch(part -> found.stream().anyMatch(letter -> letter.value().contains(part)));
            });
        }
        return found;
    }

    /** The reason of the dead letter whose value contains {@code part}. */
    public static String reasonFor(List<DeadLetter> letters, String part) {
        return letters.stream().filter(letter -> letter.value().contains(part)).findFirst().orElseThrow().reason();
    }
}
