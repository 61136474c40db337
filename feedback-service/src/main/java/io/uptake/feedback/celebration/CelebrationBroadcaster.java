package io.uptake.feedback.celebration;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/** Hands each new celebration to every client connected to the stream at that moment. */
@ApplicationScoped
public class CelebrationBroadcaster {

    private final BroadcastProcessor<CelebrationView> processor = BroadcastProcessor.create();

    public void publish(CelebrationView celebration) {
        processor.onNext(celebration);
    }

    public Multi<CelebrationView> stream() {
        return processor.onOverflow().drop();
    }
}
