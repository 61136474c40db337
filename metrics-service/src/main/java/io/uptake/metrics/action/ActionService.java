package io.uptake.metrics.action;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.catalogue.Catalogue;
import io.uptake.platform.catalogue.CatalogueDefinition;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Singleton;

/** The action catalogue: the codes usage events may name. */
@Singleton // no client proxy: a Catalogue has no no-args constructor
public class ActionService extends Catalogue {

    private final KnownActions knownActions;

    public ActionService(Pool pool, KnownActions knownActions) {
        super(pool, "action");
        this.knownActions = knownActions;
    }

    /** Adds or renames an action; ingestion knows the new code as soon as the transaction has committed. */
    @Override
    public Uni<Saved> define(String code, CatalogueDefinition definition) {
        return super.define(code, definition).invoke(knownActions::forget);
    }
}
