package io.uptake.metrics.action;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.PageView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

@ApplicationScoped
public class ActionService {

    /** The result of an upsert: the action as stored, and whether it is new. */
    public record Saved(ActionView action, boolean created) {}

    private final ActionRepository actions;
    private final KnownActions knownActions;

    public ActionService(ActionRepository actions, KnownActions knownActions) {
        this.actions = actions;
        this.knownActions = knownActions;
    }

    @WithSession
    public Uni<PageView<ActionView>> list(int page, int size) {
        return actions.listPage(page, size)
                .map(found -> found.stream().map(ActionView::of).toList())
                .flatMap(items -> actions.count().map(total -> new PageView<>(items, page, size, total)));
    }

    @WithSession
    public Uni<ActionView> find(String code) {
        return actions.findById(code).map(found -> found == null ? null : ActionView.of(found));
    }

    /** Adds or renames an action; ingestion knows the new code as soon as the transaction has committed. */
    public Uni<Saved> define(String code, ActionDefinition definition) {
        return Panache.withTransaction(() -> upsert(code, definition)).invoke(knownActions::forget);
    }

    private Uni<Saved> upsert(String code, ActionDefinition definition) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return actions.findById(code).flatMap(existing -> {
            boolean created = existing == null;
            Action action = created ? new Action() : existing;
            if (created) {
                action.code = code;
                action.createdAt = now;
            }
            action.name = definition.name().strip();
            action.description = definition.description();
            action.updatedAt = now;
            return actions.persist(action).map(saved -> new Saved(ActionView.of(saved), created));
        });
    }
}
