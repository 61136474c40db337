package io.uptake.metrics.action;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ActionRepository implements PanacheRepositoryBase<Action, String> {

    public Uni<List<Action>> listPage(int page, int size) {
        return findAll(Sort.by("code")).page(Page.of(page, size)).list();
    }
}
