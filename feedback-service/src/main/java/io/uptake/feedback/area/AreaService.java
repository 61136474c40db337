package io.uptake.feedback.area;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.PageView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

@ApplicationScoped
public class AreaService {

    /** The result of an upsert: the area as stored, and whether it is new. */
    public record Saved(AreaView area, boolean created) {}

    private final AreaRepository areas;

    public AreaService(AreaRepository areas) {
        this.areas = areas;
    }

    @WithSession
    public Uni<PageView<AreaView>> list(int page, int size) {
        return areas.listPage(page, size)
                .map(found -> found.stream().map(AreaView::of).toList())
                .flatMap(items -> areas.count().map(total -> new PageView<>(items, page, size, total)));
    }

    @WithSession
    public Uni<AreaView> find(String code) {
        return areas.findById(code).map(found -> found == null ? null : AreaView.of(found));
    }

    @WithTransaction
    public Uni<Saved> define(String code, AreaDefinition definition) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return areas.findById(code).flatMap(existing -> {
            boolean created = existing == null;
            Area area = created ? new Area() : existing;
            if (created) {
                area.code = code;
                area.createdAt = now;
            }
            area.name = definition.name().strip();
            area.description = definition.description();
            area.updatedAt = now;
            return areas.persist(area).map(saved -> new Saved(AreaView.of(saved), created));
        });
    }
}
