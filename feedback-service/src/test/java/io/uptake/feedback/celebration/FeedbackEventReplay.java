package io.uptake.feedback.celebration;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Test-only: puts a feedback event on the real topic again (same key, so the same partition), the way a redelivery would bring it back. */
@ApplicationScoped
public class FeedbackEventReplay {

    private final Emitter<String> out;

    public FeedbackEventReplay(@Channel("replay-out") Emitter<String> out) {
        this.out = out;
    }

    public void send(long itemId, String payload) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        out.send(Message.of(payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(Long.toString(itemId))
                        .build())
                .withAck(() -> {
                    sent.complete(null);
                    return sent;
                })
                .withNack(failure -> {
                    sent.completeExceptionally(failure);
                    return sent;
                }));
        sent.join();
    }
}
