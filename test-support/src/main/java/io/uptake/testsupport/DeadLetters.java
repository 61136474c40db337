package io.uptake.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Header;

/** Reads a channel's dead-letter topic on the real Kafka, as an operator would, with the reason the connector wrote. */
public final class DeadLetters {

    /** A dead-lettered record: its key, its value as sent, and the reason (the {@code dead-letter-reason} header). */
    public record DeadLetter(String key, String value, String reason) {}

    private DeadLetters() {}

    /** Reads the topic from its start until, for each of {@code parts}, a record whose value contains it has come (60 s at most). */
    public static List<DeadLetter> awaitHolding(String bootstrapServers, String topic, String... parts) {
        return TopicReader.awaitContaining(bootstrapServers, topic, parts).stream()
                .map(record -> {
                    Header reason = record.headers().lastHeader("dead-letter-reason");
                    return new DeadLetter(
                            record.key(),
                            record.value(),
                            reason == null ? null : new String(reason.value(), StandardCharsets.UTF_8));
                })
                .toList();
    }

    /** The reason of the dead letter whose value contains {@code part}. */
    public static String reasonFor(List<DeadLetter> letters, String part) {
        return letters.stream()
                .filter(letter -> letter.value().contains(part))
                .findFirst()
                .orElseThrow()
                .reason();
    }
}
