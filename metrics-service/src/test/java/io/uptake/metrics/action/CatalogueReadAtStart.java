package io.uptake.metrics.action;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.work.WarmUp;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;

/** Test-only: a warm-up that reads the catalogue through Hibernate Reactive, as the real one does, and keeps what happened. */
@Singleton
public class CatalogueReadAtStart implements WarmUp {

    final CompletableFuture<Long> counted = new CompletableFuture<>();
    private final ActionRepository actions;

    CatalogueReadAtStart(ActionRepository actions) {
        this.actions = actions;
    }

    @Override
    public Uni<?> warmUp() {
        return Panache.withSession(actions::count)
                .invoke(counted::complete)
                .onFailure()
                .invoke(counted::completeExceptionally);
    }
}
