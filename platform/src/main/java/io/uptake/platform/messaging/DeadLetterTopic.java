package io.uptake.platform.messaging;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The dead-letter topic ({@code <topic>.dead-letter}) of a batched channel, written through an emitter of
 * raw bytes: a record that cannot be read, or a value PostgreSQL refuses, goes there with the reason in a
 * {@code dead-letter-reason} header (the header the Kafka connector's own dead-letter strategy writes for
 * the unbatched channels), before the batch that held it is acknowledged. The connector's strategy would
 * send a whole batch, so batched channels use this instead.
 */
public final class DeadLetterTopic {

    public static final String REASON_HEADER = "dead-letter-reason";

    /** One dead letter: the record's key, its bytes as received (or the refused value as JSON), and why. */
    public record DeadLetter(String key, byte[] value, String reason) {

        public static DeadLetter of(String key, String value, String reason) {
            return new DeadLetter(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8), reason);
        }
    }

    private final MutinyEmitter<byte[]> out;

    public DeadLetterTopic(MutinyEmitter<byte[]> out) {
        this.out = out;
    }

    /** Writes the letters, one after the other; completes when Kafka has them all. */
    public Uni<Void> send(List<DeadLetter> letters) {
        Uni<Void> sent = Uni.createFrom().voidItem();
        for (DeadLetter letter : letters) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(REASON_HEADER, letter.reason().getBytes(StandardCharsets.UTF_8));
            Message<byte[]> message = Message.of(letter.value())
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                            .withKey(letter.key())
                            .withHeaders(headers)
                            .build());
            sent = sent.chain(() -> out.sendMessage(message));
        }
        return sent;
    }

    /**
     * Applies a batch, retrying transient failures ({@link ConsumerFailures#retryingTransient}); when
     * PostgreSQL refuses it, applies its items one by one, and each item it refuses goes here with the
     * refusal as the reason ({@code letterFor} makes the letter from the item and the reason). So one bad
     * value neither stops its partition nor costs the good values of its batch.
     */
    public <T> Uni<Void> applyOrDeadLetter(
            String what, List<T> items, Function<List<T>, Uni<?>> apply, BiFunction<T, String, DeadLetter> letterFor) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return ConsumerFailures.retryingTransient(Uni.createFrom()
                        .deferred(() -> apply.apply(items))
                        .onFailure(failure -> !ConsumerFailures.permanent(failure))
                        .invoke(failure -> Log.warnf(
                                "Could not apply %d %s, retrying: %s", items.size(), what, failure.getMessage())))
                .replaceWithVoid()
                .onFailure(ConsumerFailures::permanent)
                .recoverWithUni(refused -> {
                    Log.warnf(
                            "PostgreSQL refuses a batch of %d %s (%s): applying them one by one",
                            items.size(), what, refused.getMessage());
                    return Multi.createFrom()
                            .iterable(items)
                            .onItem()
                            .transformToUniAndConcatenate(item -> ConsumerFailures.retryingTransient(
                                            Uni.createFrom().deferred(() -> apply.apply(List.of(item))))
                                    .replaceWithVoid()
                                    .onFailure(ConsumerFailures::permanent)
                                    .recoverWithUni(refusedItem -> send(List.of(letterFor.apply(
                                            item, "refused by PostgreSQL: " + refusedItem.getMessage())))))
                            .collect()
                            .last()
                            .replaceWithVoid();
                });
    }
}
